# bash completion for annals: verbs, each verb's options, their values, and files.
_annals() {
  local cur prev verb i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  verb=
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in render|watch|check|styles) verb=${COMP_WORDS[i]}; break ;; esac
  done

  local messages="--color --diagnostics"
  local render_opts="-o --output -O --output-beside-input --output-dir -T --style --set --format --page --width --height
    --dpi --now --id-prefix --strict -q --quiet --safe $messages --help"
  local check_opts="--style --set --strict -q --quiet --safe $messages --help"

  case $prev in
    --format) COMPREPLY=($(compgen -W "svg pdf png json" -- "$cur")); return ;;
    -T) COMPREPLY=($(compgen -W "svg pdf png json svg,pdf svg,png pdf,png svg,pdf,png" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --diagnostics) COMPREPLY=($(compgen -W "auto full short" -- "$cur")); return ;;
    --page) COMPREPLY=($(compgen -W "A0 A1 A2 A3 A4 A5 A6 letter legal tabloid auto" -- "$cur")); return ;;
    --style) COMPREPLY=($(compgen -W "default classic dark print poster" -- "$cur") $(compgen -f -X '!*.toml' -- "$cur")); return ;;
    --output-dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --set|--width|--height|--dpi|--now|--id-prefix) return ;;
  esac

  case $verb in
    "") COMPREPLY=($(compgen -W "render watch check styles --help --version" -- "$cur")) ;;
    render|watch|check)
      if [[ $cur == -* ]]; then
        local opts=$render_opts
        [[ $verb == check ]] && opts=$check_opts
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -X '!*.toml' -- "$cur") $(compgen -d -- "$cur"))
      fi ;;
    styles) COMPREPLY=($(compgen -W "default classic dark print poster --help" -- "$cur")) ;;
  esac
}
complete -o filenames -F _annals annals
