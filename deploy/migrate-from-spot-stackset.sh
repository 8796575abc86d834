#!/usr/bin/env bash
# Moves an AWS Organization from Spot's Lambda-backed onboarding StackSet to the native
# Spot::Onboarding types without deleting, unlinking or renaming a Spot account:
#
#   1. retain   Spot's StackSet gets its own template back with DeletionPolicy and
#               UpdateReplacePolicy Retain on every custom resource (SpotAccount, SpotExternalId,
#               SpotLinkedCredentials, RenamedSpotAccountByAlias, EnableCostIntelligence) and, with
#               the default Reuse, on the old SpotRole and its policies; and auto-deployment off. No
#               property changes, so CloudFormation calls no Spot Lambda.
#   2. deploy   deploy/deploy-stacksets.sh with --existing-account-policy Reuse (default) or Adopt:
#               the types are registered, and each account's new stack reuses its Spot account as it
#               is (Reuse: no external ID minted, no write to Spot), or adopts it, links it to the new
#               SpotRole (remembering the old role as PreviousRoleArn), names and enrolls it (Adopt).
#   3. remove   the old stack instances, only in accounts whose new stack is CURRENT: the custom
#               resources are retained, so Spot's Lambdas are not called and delete nothing. With
#               Reuse the old SpotRole stays (Spot still assumes it); with Adopt (Spot has accepted
#               the new role there) it is deleted.
#
# Reuse is the default because it is safe whatever Spot does with an earlier external ID: it mints
# none. Adopt mints one for an account that works; if Spot then stops accepting the older one
# (docs/spot-api.md open question 7), an account whose new stack fails before its relink is left on
# a role Spot can no longer assume (README, "Ownership").
#   4. delete   the old StackSet, once it holds no stack instance.
#
# Every step first reads what is already done (the StackSet's template, its instances, whether the
# new StackSets exist), so an interrupted run is resumed by running the same command again.
# --rollback undoes the steps in reverse, as far as they went (see the README).
#
# The Spot token is read from an environment variable by deploy-stacksets.sh, which never prints it;
# this script never reads it except to check that it is set.
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: deploy/migrate-from-spot-stackset.sh --old-stack-set NAME --bucket NAME --org-id o-xxxxxxxxxx --targets "ou-... r-..." [options]

  --old-stack-set NAME      Spot's onboarding StackSet (in this account)
  --spot-template FILE      your copy of Spot's template; it must be the template the StackSet runs (checked,
                            since any other difference would call Spot's Lambdas); default: the StackSet's own
  --state-dir DIR           where the original template is kept for --rollback (default: ./spot-migration-NAME)
  --stop-after STEP         retain, deploy or remove: stop there (to look before going on); run again to go on
  --wait-minutes M          how long to wait for each StackSet operation (default: 360)
  --rollback                undo the migration as far as it went (see the README)
  --call-as SELF|DELEGATED_ADMIN              (default: SELF)
  --dry-run                 read the current state, print every AWS CLI command that would change something
  --from-stack-set FILE     with --dry-run, offline: no AWS call, no credentials, no region. FILE is what
                            aws cloudformation describe-stack-set --stack-set-name NAME > FILE
                            wrote (its template, parameters, permission model and auto-deployment); the new
                            StackSets are taken not to exist yet
  --from-instances FILE     with --from-stack-set: what aws cloudformation list-stack-instances
                            --stack-set-name NAME > FILE wrote, for step 3's commands; without it, step 3
                            is described, not printed

  --existing-account-policy Reuse|Adopt
                            Reuse (default): each new stack uses the Spot account as it is, and the old SpotRole
                            is kept for Spot. Adopt: each new stack takes the account over (new external ID, new
                            SpotRole, name, enrollment) and the old role goes; unsafe if Spot's new external ID
                            replaces the old (README, "Ownership")

  Passed to deploy/deploy-stacksets.sh (step 2), which documents them: --bucket --org-id --targets
  --registry-regions --onboarding-region --token-env --token-location --prefix --include-elastigroup-policy
  --include-cost-intelligence --rename-to-alias --packages-dir.
USAGE
}

from_stack_set="" from_instances="" retain_pending="false" policy="Reuse" old="" spot_template="" state_dir="" stop_after="" wait_minutes=360 rollback="false" call_as="SELF" dry_run="false"
deploy_args=() token_env="SPOT_API_TOKEN" bucket="" prefix="spot-onboarding/1.0.0/"
onboarding_region="${AWS_DEFAULT_REGION:-us-east-1}"
while [ $# -gt 0 ]; do
    case "$1" in
        --old-stack-set) old="$2"; shift 2 ;;
        --spot-template) spot_template="$2"; shift 2 ;;
        --state-dir) state_dir="$2"; shift 2 ;;
        --stop-after) stop_after="$2"; shift 2 ;;
        --wait-minutes) wait_minutes="$2"; shift 2 ;;
        --rollback) rollback="true"; shift ;;
        --from-stack-set) from_stack_set="$2"; shift 2 ;;
        --from-instances) from_instances="$2"; shift 2 ;;
        --call-as) call_as="$2"; deploy_args+=("$1" "$2"); shift 2 ;;
        --dry-run) dry_run="true"; deploy_args+=("$1"); shift ;;
        --token-env) token_env="$2"; deploy_args+=("$1" "$2"); shift 2 ;;
        --bucket) bucket="$2"; deploy_args+=("$1" "$2"); shift 2 ;;
        --prefix) prefix="$2"; deploy_args+=("$1" "$2"); shift 2 ;;
        --onboarding-region) onboarding_region="$2"; deploy_args+=("$1" "$2"); shift 2 ;;
        --org-id|--targets|--registry-regions|--token-location|--include-elastigroup-policy|--include-cost-intelligence|--rename-to-alias|--packages-dir)
            deploy_args+=("$1" "$2"); shift 2 ;;
        --existing-account-policy) policy="$2"; shift 2 ;;
        --include-management-account)
            echo "migrate: $1 is not an option here: the migration moves the accounts Spot's StackSet enrolled" >&2; exit 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

fail() { echo "migrate: $*" >&2; exit 2; }
[ -n "$old" ] || fail "--old-stack-set is required: the name of Spot's onboarding StackSet"
case "$old" in spot-onboarding|spot-onboarding-registry) fail "--old-stack-set cannot be $old: that is the name of the new StackSet" ;; esac
[[ "$call_as" =~ ^(SELF|DELEGATED_ADMIN)$ ]] || fail "--call-as must be SELF or DELEGATED_ADMIN"
[[ "$policy" =~ ^(Reuse|Adopt)$ ]] || fail "--existing-account-policy must be Reuse or Adopt"
[[ -z "$stop_after" || "$stop_after" =~ ^(retain|deploy|remove)$ ]] || fail "--stop-after must be retain, deploy or remove"
[[ "$wait_minutes" =~ ^[0-9]+$ ]] || fail "--wait-minutes takes a whole number of minutes"
[ -z "$spot_template" ] || [ -f "$spot_template" ] || fail "--spot-template: no file $spot_template"
if [ -n "$from_stack_set" ] || [ -n "$from_instances" ]; then
    [ "$dry_run" = "true" ] || fail "--from-stack-set and --from-instances are for --dry-run only: a real run reads AWS"
    [ "$rollback" = "false" ] || fail "--from-stack-set previews the migration only: a rollback's dry run reads the new StackSets in AWS"
    [ -n "$from_stack_set" ] || fail "--from-instances needs --from-stack-set FILE (aws cloudformation describe-stack-set --stack-set-name $old > FILE)"
    for file in "$from_stack_set" $from_instances; do
        [ -f "$file" ] || fail "no file $file"
    done
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=print-command.sh
. "$root/deploy/print-command.sh"
state_dir="${state_dir:-./spot-migration-$old}"
# What step 1 retains: Spot's custom resources and, with Reuse, the old SpotRole and its policies.
retained_types=()
[ "$policy" = "Adopt" ] || retained_types=(custom AWS::IAM::Role AWS::IAM::ManagedPolicy AWS::IAM::Policy)
NEW=spot-onboarding
REGISTRY=spot-onboarding-registry
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The template tool (spot-migration): built on first use, as ./spot-local builds its runner.
tool_jar="$root/tooling/migration/target/spot-migration.jar"
tool() {
    if [ ! -f "$tool_jar" ]; then
        echo "# building spot-migration.jar ..." >&2
        (cd "$root" && ./mvnw -q -pl tooling/migration -am package -DskipTests) >&2
    fi
    java -jar "$tool_jar" "$@"
}

if [ -n "$from_stack_set" ]; then
    described=$(tool query "$from_stack_set" StackSet.StackSetName) || fail "--from-stack-set $from_stack_set: not the JSON of aws cloudformation describe-stack-set"
    [ "$described" = "$old" ] || fail "--from-stack-set $from_stack_set describes StackSet '$described', not $old"
    echo "# Offline: $old as $from_stack_set saved it$([ -z "$from_instances" ] || echo ", its instances as $from_instances saved them");"
    echo "# no AWS call is made, and $REGISTRY and $NEW are taken not to exist yet."
fi

# Runs an AWS CLI command that changes something (its answer is not needed), or prints it.
aws_cli() {
    if [ "$dry_run" = "true" ]; then
        print_command aws "$@"
    else
        aws "$@" > /dev/null
    fi
}

# A read: runs even in a dry run, since every step decides from what is already done.
aws_read() {
    if [ -n "$from_stack_set" ]; then
        saved_read "$@"
    else
        aws "$@" --call-as "$call_as"
    fi
}

# Offline (--from-stack-set): a read answered from the saved answers, as the AWS CLI would answer it.
# Only the old StackSet is known; any other does not exist yet.
saved_read() {
    local operation="$2" name="" query="" file
    shift 2
    while [ $# -gt 0 ]; do
        case "$1" in
            --stack-set-name) name="$2"; shift 2 ;;
            --query) query="$2"; shift 2 ;;
            --output) shift 2 ;;
            *) fail "offline, this read cannot be answered: $operation $1" ;;
        esac
    done
    if [ "$name" != "$old" ]; then
        echo "StackSetNotFoundException: $name (offline: taken not to exist yet)"
        return 1
    fi
    case "$operation" in
        describe-stack-set) file="$from_stack_set" ;;
        list-stack-instances)
            [ -n "$from_instances" ] || return 0
            file="$from_instances" ;;
        *) fail "offline, this read cannot be answered: $operation" ;;
    esac
    tool query "$file" "$query"
}

stack_set_exists() {
    local out
    if out=$(aws_read cloudformation describe-stack-set --stack-set-name "$1" --query StackSet.Status --output text 2>&1); then
        [ "$out" != "DELETED" ]
    elif [[ "$out" == *StackSetNotFound* ]]; then
        return 1
    else
        fail "cannot read StackSet $1: $out"
    fi
}

# Waits until no operation of the StackSet is running, then says how the last one ended.
wait_for() {
    local stack_set="$1" deadline=$(( $(date +%s) + wait_minutes * 60 )) state running action status
    if [ "$dry_run" = "true" ]; then
        echo "# then wait until no operation of $stack_set is RUNNING, QUEUED or STOPPING"
        return 0
    fi
    while :; do
        # One call a poll: how many operations still run, and the latest one's action and status.
        if ! state=$(aws_read cloudformation list-stack-set-operations --stack-set-name "$stack_set" --output text \
            --query "[length(Summaries[?Status=='RUNNING' || Status=='QUEUED' || Status=='STOPPING']),
                      reverse(sort_by(Summaries, &CreationTimestamp))[0].Action,
                      reverse(sort_by(Summaries, &CreationTimestamp))[0].Status]" 2>&1); then
            [[ "$state" == *StackSetNotFound* ]] && return 0
            fail "cannot read the operations of $stack_set: $state"
        fi
        read -r running action status <<< "$state"
        [ "$running" = "0" ] && break
        [ "$(date +%s)" -lt "$deadline" ] || fail "$stack_set still has an operation running after $wait_minutes minutes: run the same command again later to go on"
        sleep 30
    done
    [ "$action" = "None" ] || echo "   $stack_set: last operation $action $status"
}

# "account region status" for every stack instance of a StackSet, one a line.
instances() {
    aws_read cloudformation list-stack-instances --stack-set-name "$1" --output text \
        --query "Summaries[].[Account,Region,Status,OrganizationalUnitId]"
}

permission_model() {
    aws_read cloudformation describe-stack-set --stack-set-name "$old" --query StackSet.PermissionModel --output text
}

# The template body exactly as the StackSet holds it (text output adds one newline; $(...) drops it).
template_of() {
    printf '%s\n' "$(aws_read cloudformation describe-stack-set --stack-set-name "$1" --query StackSet.TemplateBody --output text)"
}

# A new template for a StackSet, every parameter kept (UsePreviousValue: the token is never read),
# applied to every instance at once: the changes this script makes are attributes only.
update_template() {
    local stack_set="$1" file="$2" template parameters=() key_name extra
    shift 2
    template=(--template-body "file://$file")
    if [ "$(wc -c < "$file")" -gt 51200 ]; then
        [ -n "$bucket" ] || fail "the template for $stack_set is over 51,200 bytes: give --bucket to upload it to S3"
        local key="${prefix}migration/$stack_set-$(basename "$file")"
        if [ "$dry_run" = "true" ] || ! aws s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
            if [ "$onboarding_region" = "us-east-1" ]; then
                aws_cli s3api create-bucket --bucket "$bucket" --region us-east-1
            else
                aws_cli s3api create-bucket --bucket "$bucket" --region "$onboarding_region" \
                    --create-bucket-configuration "LocationConstraint=$onboarding_region"
            fi
        fi
        aws_cli s3 cp "$file" "s3://$bucket/$key"
        template=(--template-url "https://$bucket.s3.$onboarding_region.amazonaws.com/$key")
    fi
    while read -r key_name; do
        [ -n "$key_name" ] && [ "$key_name" != "None" ] && parameters+=("ParameterKey=$key_name,UsePreviousValue=true")
    done < <(aws_read cloudformation describe-stack-set --stack-set-name "$stack_set" --output text \
        --query "StackSet.Parameters[].ParameterKey" | tr '\t' '\n')
    extra=("$@")
    [ ${#parameters[@]} -eq 0 ] || extra+=(--parameters "${parameters[@]}")
    aws_cli cloudformation update-stack-set --stack-set-name "$stack_set" "${template[@]}" "${extra[@]}" \
        --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND \
        --operation-preferences FailureTolerancePercentage=100,MaxConcurrentPercentage=100,RegionConcurrencyType=PARALLEL \
        --call-as "$call_as"
    wait_for "$stack_set"
}

# Deletes the stack instances of ACCOUNTS (one a line; "all" for every one) in REGION, as the
# StackSet's permission model requires, and waits for it.
delete_instances() {
    local stack_set="$1" region="$2" accounts="$3" model ous targets
    model=$(aws_read cloudformation describe-stack-set --stack-set-name "$stack_set" --query StackSet.PermissionModel --output text)
    if [ "$accounts" = "all" ]; then
        accounts=$(instances "$stack_set" | awk -v region="$region" '$2 == region {print $1}' | sort -u)
    fi
    [ -n "$accounts" ] || return 0
    if [ "$model" = "SERVICE_MANAGED" ]; then
        ous=$(instances "$stack_set" | awk -v region="$region" '$2 == region {print $4}' | sort -u | sed 's/.*/"&"/' | paste -sd, -)
        targets=$(printf '{"OrganizationalUnitIds":[%s],"Accounts":[%s],"AccountFilterType":"INTERSECTION"}' \
            "$ous" "$(echo "$accounts" | sed 's/.*/"&"/' | paste -sd, -)")
        aws_cli cloudformation delete-stack-instances --stack-set-name "$stack_set" --regions "$region" \
            --deployment-targets "$targets" --no-retain-stacks \
            --operation-preferences FailureTolerancePercentage=100,MaxConcurrentPercentage=100 --call-as "$call_as"
    else
        # shellcheck disable=SC2086
        aws_cli cloudformation delete-stack-instances --stack-set-name "$stack_set" --regions "$region" \
            --accounts $accounts --no-retain-stacks \
            --operation-preferences FailureTolerancePercentage=100,MaxConcurrentPercentage=100 --call-as "$call_as"
    fi
    wait_for "$stack_set"
}

stopped_after() {
    if [ "$stop_after" = "$1" ]; then
        echo "== Stopped after '$1' as asked. Run the same command without --stop-after $1 to go on."
        exit 0
    fi
}

# ---------------------------------------------------------------------------------------------
retain_step() {
    echo "== Step 1/4 retain: $old keeps Spot's custom resources$([ "$policy" = "Adopt" ] || echo " and its SpotRole") when its stacks go"
    echo "   Changes: $old's template (DeletionPolicy and UpdateReplacePolicy Retain on each custom resource$([ "$policy" = "Adopt" ] || echo ", role and policy"))"
    echo "   and its auto-deployment (off, so no new account gets an old stack). No property changes: Spot's"
    echo "   Lambdas are not called. Spot API calls: 0."
    local deployed="$work/deployed.template" retained model auto retain_stacks outdated
    template_of "$old" > "$deployed"
    read -r model auto retain_stacks < <(aws_read cloudformation describe-stack-set --stack-set-name "$old" --output text \
        --query "StackSet.[PermissionModel,AutoDeployment.Enabled,AutoDeployment.RetainStacksOnAccountRemoval]")
    if [ -n "$spot_template" ]; then
        tool compare "$spot_template" "$deployed" >&2 \
            || fail "$spot_template is not the template $old runs (differences above): updating with it would call Spot's Lambdas. Leave out --spot-template to use the StackSet's own."
    fi
    mkdir -p "$state_dir"
    if tool check "$deployed" "${retained_types[@]}" >/dev/null && { [ "$model" != "SERVICE_MANAGED" ] || [ "$auto" != "True" ]; }; then
        echo "   already done: every custom resource of $old is retained, auto-deployment is off"
        return 0
    fi
    retain_pending="true"
    if [ ! -f "$state_dir/original.template" ]; then
        cp "$deployed" "$state_dir/original.template"
        echo "$auto $retain_stacks" > "$state_dir/original-auto-deployment"
    fi
    if [ -n "$from_stack_set" ] && [ -z "$from_instances" ]; then
        echo "# offline without --from-instances: not checked here that every old instance is CURRENT (a real run stops if not)"
    fi
    outdated=$(instances "$old" | awk '$3 != "CURRENT" {print $1 " " $2 " " $3}')
    if [ -n "$outdated" ]; then
        fail "these instances of $old are not CURRENT, so an update would apply more than Retain to them (and call Spot's Lambdas):
$outdated
Bring them up to date in Spot's StackSet first (or remove them from it knowingly), then run again."
    fi
    retained="$state_dir/retained.template"
    tool retain "$deployed" "$retained" "${retained_types[@]}"
    local extra=()
    [ "$model" != "SERVICE_MANAGED" ] || extra+=(--auto-deployment Enabled=false)
    update_template "$old" "$retained" "${extra[@]}"
}

deploy_step() {
    echo "== Step 2/4 deploy: the native types, each account's Spot account $([ "$policy" = "Adopt" ] && echo adopted || echo reused) (ExistingAccountPolicy=$policy)"
    echo "   Changes: creates $REGISTRY and $NEW (deploy/deploy-stacksets.sh). In each account the new stack"
    if [ "$policy" = "Adopt" ]; then
        echo "   adopts the Spot account, links it to the new SpotRole (the old role is kept as PreviousRoleArn and still"
        echo "   exists), names it after the alias and enrolls it. Spot API calls: see the README's figures."
    else
        echo "   uses the Spot account as it is: no external ID is minted and nothing is written to Spot."
    fi
    if stack_set_exists "$NEW"; then
        echo "   already done: $NEW exists"
    elif stack_set_exists "$REGISTRY"; then
        fail "$REGISTRY exists but $NEW does not: deploy-stacksets.sh was interrupted between the two. Create $NEW as
deploy-stacksets.sh does (its --dry-run prints the two commands for $NEW, with --existing-account-policy $policy), then run again."
    else
        local token="${!token_env:-}"
        [ -n "$token" ] || fail "the environment variable $token_env must hold the Spot API token (deploy-stacksets.sh reads it there)"
        bash "$root/deploy/deploy-stacksets.sh" "${deploy_args[@]}" --existing-account-policy "$policy"
    fi
    wait_for "$REGISTRY"
    wait_for "$NEW"
    if [ "$dry_run" != "true" ]; then
        echo "   $NEW instances: $(instances "$NEW" | awk '{n[$3]++} END {for (s in n) printf "%s %d  ", s, n[s]; if (NR == 0) print "none"}')"
    fi
}

remove_step() {
    echo "== Step 3/4 remove: the old stacks, only where the new stack is CURRENT"
    if [ "$policy" = "Adopt" ]; then
        echo "   Changes: deletes the old stack instances of those accounts. Their SpotRole and policies are deleted;"
    else
        echo "   Changes: deletes the old stack instances of those accounts. Their SpotRole and policies are retained"
        echo "   (Spot still assumes the role);"
    fi
    echo "   the custom resources are retained, so no Spot Lambda is called and no Spot account is touched."
    echo "   Spot API calls: 0."
    local region accounts ready="$work/ready" old_instances="$work/old-instances"
    if [ -n "$from_stack_set" ] && [ -z "$from_instances" ]; then
        echo "# offline without --from-instances: the old instances are unknown. This step deletes, region by region,"
        echo "# the old instance of each account whose new stack is CURRENT (aws cloudformation delete-stack-instances"
        echo "# --stack-set-name $old --no-retain-stacks ...), and lists the others."
        return 0
    fi
    if [ "$dry_run" = "true" ] && { [ "$retain_pending" = "true" ] || ! stack_set_exists "$NEW"; }; then
        echo "# (dry run: steps 1 and 2 have not run, so this assumes every new stack ends CURRENT)"
        instances "$old" | awk '{print $1}' | sort -u > "$ready"
    else
        if ! tool check <(template_of "$old") "${retained_types[@]}" >&2; then
            fail "$old's template does not retain every custom resource: deleting its stacks would call Spot's Lambdas. Run step 1 (retain) first."
        fi
        instances "$NEW" | awk '$3 == "CURRENT" {print $1}' | sort -u > "$ready"
    fi
    instances "$old" > "$old_instances"
    for region in $(awk '{print $2}' "$old_instances" | sort -u); do
        accounts=$(awk -v region="$region" 'FILENAME == ARGV[1] {ok[$1] = 1; next} $2 == region && ($1 in ok) && $3 == "CURRENT" {print $1}' \
            "$ready" "$old_instances" | sort -u)
        [ -n "$accounts" ] || continue
        echo "   $region: $(echo "$accounts" | wc -l | tr -d ' ') account(s) whose new stack is CURRENT"
        delete_instances "$old" "$region" "$accounts"
    done
    local kept
    kept=$(awk 'FILENAME == ARGV[1] {ok[$1] = 1; next} !($1 in ok) || $3 != "CURRENT" {print "     " $1 " " $2 " (old instance " $3 ")"}' \
        "$ready" "$old_instances")
    if [ -n "$kept" ]; then
        echo "   kept: their new stack is not CURRENT, or their old instance is not, so their Spot account may still use the old role:"
        echo "$kept"
    fi
}

delete_step() {
    echo "== Step 4/4 delete: $old itself, once it holds no stack instance"
    local left
    left=$(instances "$old" | wc -l | tr -d ' ')
    if [ "$left" != "0" ] && [ "$dry_run" != "true" ]; then
        echo "   not yet: $old still holds $left stack instance(s) (listed above). Fix their new stacks, then run again."
        exit 1
    fi
    aws_cli cloudformation delete-stack-set --stack-set-name "$old" --call-as "$call_as"
    if [ "$dry_run" = "true" ]; then
        echo "== Dry run: nothing was changed in AWS. $state_dir/ holds Spot's template as the StackSet runs it and as step 1 would make it."
    else
        echo "== Done: every account is enrolled by $NEW; Spot's StackSet and its roles are gone, its Spot accounts are not."
    fi
}

# ---------------------------------------------------------------------------------------------
# Rollback: the new stacks leave the accounts that still have their old stack, the Spot accounts
# stay (linked back to the old SpotRole), and Spot's StackSet gets its own template back.
rollback_new_step() {
    echo "== Rollback 1/2: the new stacks leave the accounts whose old stack still exists; their Spot accounts stay"
    echo "   Changes: $NEW's template (DeletionPolicy Retain on Spot::Onboarding::Account: no handler is called), then"
    echo "   its stacks in those accounts: LinkedCredentials links the old SpotRole again (PreviousRoleArn), AccountAlias"
    echo "   restores the previous name, the Spot account is retained. Then $NEW and $REGISTRY, once empty."
    if ! stack_set_exists "$NEW"; then
        echo "   already done: $NEW does not exist"
    else
        local current="$work/new.template" region accounts old_accounts="$work/old-accounts"
        template_of "$NEW" > "$current"
        mkdir -p "$state_dir"
        if tool check "$current" Spot::Onboarding::Account >/dev/null; then
            echo "   $NEW already retains its Spot::Onboarding::Account"
        else
            tool retain "$current" "$state_dir/new-retained.template" Spot::Onboarding::Account
            update_template "$NEW" "$state_dir/new-retained.template"
        fi
        instances "$old" | awk '{print $1}' | sort -u > "$old_accounts"
        for region in $(instances "$NEW" | awk '{print $2}' | sort -u); do
            accounts=$(instances "$NEW" | awk -v region="$region" 'FILENAME == ARGV[1] {ok[$1] = 1; next}
                $2 == region && ($1 in ok) {print $1}' "$old_accounts" - | sort -u)
            [ -n "$accounts" ] || continue
            echo "   $region: $(echo "$accounts" | wc -l | tr -d ' ') account(s) still have their old stack"
            delete_instances "$NEW" "$region" "$accounts"
        done
        local left
        left=$( [ "$dry_run" = "true" ] && awk 'FILENAME == ARGV[1] {ok[$1] = 1; next} !($1 in ok)' "$old_accounts" <(instances "$NEW") \
            || instances "$NEW")
        if [ -n "$left" ]; then
            echo "   kept: these accounts' old stack is gone (step 3 ran there), so they stay on $NEW:"
            echo "$left" | awk '{print "     " $1 " " $2}'
        else
            aws_cli cloudformation delete-stack-set --stack-set-name "$NEW" --call-as "$call_as"
            if stack_set_exists "$REGISTRY"; then
                for region in $(instances "$REGISTRY" | awk '{print $2}' | sort -u); do
                    delete_instances "$REGISTRY" "$region" all
                done
                aws_cli cloudformation delete-stack-set --stack-set-name "$REGISTRY" --call-as "$call_as"
            fi
        fi
    fi
}

rollback_retain_step() {
    echo "== Rollback 2/2: $old's own template back, and its auto-deployment as it was"
    echo "   Changes: $old's template (the Retain attributes go: an update that calls no Spot Lambda)."
    local current="$work/old.template" auto retain_stacks
    template_of "$old" > "$current"
    if ! tool check "$current" >/dev/null; then
        echo "   already done: $old's custom resources are not retained"
        return 0
    fi
    [ -f "$state_dir/original.template" ] \
        || fail "$state_dir/original.template is missing: give --state-dir where the migration kept Spot's original template"
    read -r auto retain_stacks < <(cat "$state_dir/original-auto-deployment" 2>/dev/null || echo None None)
    local extra=()
    [ "$auto" != "True" ] || extra+=(--auto-deployment "Enabled=true,RetainStacksOnAccountRemoval=$( [ "$retain_stacks" = "True" ] && echo true || echo false)")
    update_template "$old" "$state_dir/original.template" "${extra[@]}"
}

rollback() {
    if ! stack_set_exists "$old"; then
        fail "$old no longer exists (step 4 ran): its stacks and old SpotRoles are gone, so there is nothing to go back to; every Spot account is enrolled by $NEW"
    fi
    rollback_new_step
    rollback_retain_step
    if [ "$dry_run" = "true" ]; then
        echo "== Dry run: nothing was changed in AWS."
    else
        echo "== Rolled back as far as the old stacks still exist."
    fi
}

migrate() {
    if ! stack_set_exists "$old"; then
        if stack_set_exists "$NEW"; then
            echo "== Nothing to do: $old no longer exists and $NEW does (the migration is complete)."
            exit 0
        fi
        fail "no StackSet named $old in this account (with --call-as $call_as)"
    fi
    retain_step; stopped_after retain
    deploy_step; stopped_after deploy
    remove_step; stopped_after remove
    delete_step
}

if [ "$rollback" = "true" ]; then
    rollback
else
    migrate
fi
