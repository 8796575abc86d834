#!/usr/bin/env bash
# Applies deploy/token-guardrail-scp.json, the service control policy that keeps every principal of a
# member account but the StackSet execution roles off each path to the Spot token (README: "Where the
# token lives"), to organizational units or the root. Idempotent: the policy
# spot-onboarding-token-guardrail is created once and then updated in place, and a target it is
# already attached to is left as it is. Run it in the management account (or the delegated
# administrator for Organizations policies), with service control policies enabled in the organization.
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: deploy/apply-guardrail.sh --bucket NAME --targets "ou-... r-..." [--dry-run]

  --bucket NAME        the S3 bucket holding the handler packages (only StackSets may write it)
  --targets "ID ..."   organizational unit or root IDs to attach the policy to
  --dry-run            print every AWS CLI command instead of running it
USAGE
}

bucket="" targets="" dry_run="false"
while [ $# -gt 0 ]; do
    case "$1" in
        --bucket) bucket="$2"; shift 2 ;;
        --targets) targets="$2"; shift 2 ;;
        --dry-run) dry_run="true"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

fail() { echo "apply-guardrail: $*" >&2; exit 2; }
[[ "$bucket" =~ ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$ ]] || fail "--bucket must be an S3 bucket name (was '$bucket')"
[ -n "$targets" ] || fail "--targets needs at least one OU or root ID (ou-... or r-...)"
for target in $targets; do
    [[ "$target" =~ ^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})$ ]] || fail "--targets: '$target' is not an OU or root ID"
done

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=print-command.sh
. "$root/deploy/print-command.sh"
name="spot-onboarding-token-guardrail"

aws_cli() {
    if [ "$dry_run" = "true" ]; then
        print_command aws "$@"
    else
        aws "$@"
    fi
}

# The policy with the package bucket's name in place of <package-bucket>, on one line (no string of it
# spans lines, so dropping each line's indent changes no value): passed inline, so that a dry run's
# lines run as they are printed, and shorter, for the service control policies' size limit.
content=$(sed -e "s/<package-bucket>/$bucket/g" -e 's/^[[:space:]]*//' "$root/deploy/token-guardrail-scp.json" | tr -d '\n')

echo "== Guardrail: service control policy $name (deploy/token-guardrail-scp.json) on: $targets"
echo "# --content is deploy/token-guardrail-scp.json on one line, with <package-bucket> = $bucket"
policy_id=""
if [ "$dry_run" = "false" ]; then
    policy_id=$(aws organizations list-policies --filter SERVICE_CONTROL_POLICY --output text \
        --query "Policies[?Name=='$name'].Id | [0]")
    [ "$policy_id" != "None" ] || policy_id=""
fi
if [ -n "$policy_id" ]; then
    echo "# $name exists ($policy_id): its content is replaced"
    aws_cli organizations update-policy --policy-id "$policy_id" --content "$content" >/dev/null
else
    [ "$dry_run" = "false" ] || echo "# when $name exists already: aws organizations update-policy --policy-id <its id> --content <the same>"
    if [ "$dry_run" = "true" ]; then
        aws_cli organizations create-policy --name "$name" --type SERVICE_CONTROL_POLICY \
            --description "Only StackSets change what guards the Spot token" --content "$content"
        policy_id="<policy id>"
    else
        policy_id=$(aws organizations create-policy --name "$name" --type SERVICE_CONTROL_POLICY \
            --description "Only StackSets change what guards the Spot token" --content "$content" \
            --query Policy.PolicySummary.Id --output text)
    fi
fi

attached=""
if [ "$dry_run" = "false" ]; then
    attached=" $(aws organizations list-targets-for-policy --policy-id "$policy_id" --query "Targets[].TargetId" --output text | tr '\t' ' ') "
else
    echo "# a target the policy is already attached to is skipped (aws organizations list-targets-for-policy --policy-id <its id>)"
fi
for target in $targets; do
    case "$attached" in
        *" $target "*) echo "# already attached to $target" ;;
        *) aws_cli organizations attach-policy --policy-id "$policy_id" --target-id "$target" ;;
    esac
done
