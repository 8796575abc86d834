# Sourced by the deploy scripts for --dry-run: prints a command so that a person can read it and
# paste it into a shell as it is. Words made only of characters no shell treats specially stay
# bare; any other word is single-quoted, a ' inside it written '\''. (printf %q would be as exact,
# but its backslashes, as in ParameterKey=Token\,UsePreviousValue=true, are hard to read.)
print_command() {
    local line="" word quote="'" escaped="'\\''"
    for word in "$@"; do
        if [[ "$word" =~ ^[A-Za-z0-9_@%+=:,./-]+$ ]]; then
            line+=" $word"
        else
            line+=" '${word//$quote/$escaped}'"
        fi
    done
    printf '%s\n' "${line# }"
}
