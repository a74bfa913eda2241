// Placeholder entry point; the command line is built in cli/.
int main() { return 0; }
