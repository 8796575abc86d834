# Sourced by the deploy scripts: checks the parameter names a script passes to a template against
# the template's own Parameters before any command runs, so that a name the template does not
# declare stops the script before it has changed anything, not after.

# The names under the template's top-level Parameters, one a line.
template_parameters() {
    awk '/^Parameters:/ {inside = 1; next}
         /^[^ #]/ {inside = 0}
         inside && match($0, /^  [A-Za-z0-9]+:/) {print substr($0, 3, RLENGTH - 3)}' "$1"
}

# check_parameters TEMPLATE KEY VALUE [KEY VALUE ...]: fails naming each KEY TEMPLATE does not declare,
# the declared name nearest to it (a typo's likely meaning) and every declared name.
check_parameters() {
    local template="$1" declared unknown
    shift
    declared=$(template_parameters "$template")
    unknown=$(while [ $# -gt 0 ]; do printf '%s\n' "$1"; shift 2; done | awk -v declared="$declared" '
        function edits(a, b,    i, j, d, x) {
            a = tolower(a); b = tolower(b)
            for (i = 0; i <= length(a); i++) d[i, 0] = i
            for (j = 0; j <= length(b); j++) d[0, j] = j
            for (i = 1; i <= length(a); i++)
                for (j = 1; j <= length(b); j++) {
                    x = d[i - 1, j - 1] + (substr(a, i, 1) != substr(b, j, 1))
                    if (d[i - 1, j] + 1 < x) x = d[i - 1, j] + 1
                    if (d[i, j - 1] + 1 < x) x = d[i, j - 1] + 1
                    d[i, j] = x
                }
            return d[length(a), length(b)]
        }
        BEGIN { n = split(declared, names, "\n"); for (i = 1; i <= n; i++) known[names[i]] = 1 }
        !($0 in known) {
            best = ""; least = 0
            for (i = 1; i <= n; i++) {
                e = edits($0, names[i])
                if (best == "" || e < least) { best = names[i]; least = e }
            }
            limit = length(best) / 3 < 2 ? 2 : int(length(best) / 3)
            print $0 (best != "" && least <= limit ? " (did you mean " best "?)" : "")
        }')
    [ -z "$unknown" ] || fail "$(basename "$template") declares no parameter $(echo "$unknown" | paste -sd, - | sed 's/,/, nor /g'); its parameters: $(echo "$declared" | paste -sd, - | sed 's/,/, /g'). Nothing has run."
}

# The parameters KEY VALUE ... as the one-line JSON list the AWS CLI's --parameters takes.
parameters_json() {
    local json="" separator="" value
    while [ $# -gt 0 ]; do
        value="${2//\\/\\\\}"
        value="${value//\"/\\\"}"
        json+="$separator{\"ParameterKey\":\"$1\",\"ParameterValue\":\"$value\"}"
        separator=","
        shift 2
    done
    printf '[%s]' "$json"
}
