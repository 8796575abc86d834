#!/usr/bin/env bash
# Deploys Spot onboarding to an AWS Organization: uploads the four handler packages to an S3
# bucket the organization can read, then creates two service-managed StackSets with
# auto-deployment: spot-onboarding-registry (registry.yml: registers the Spot::Onboarding types in
# every target account and region) and spot-onboarding (template.yml: enrolls each account), the
# second depending on the first. Run it in the management account or a delegated administrator
# account (--call-as DELEGATED_ADMIN), with the AWS CLI's usual credentials.
#
# The Spot token is read from an environment variable and handed to the AWS CLI in a file only
# this user can read (never on a command line, where `ps` would show it); it is never printed.
# By default (--token-location central) it is stored once, in this account (deploy/central-token.yml),
# readable only by the organization's handler roles; member accounts get its ARN, not the token.
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: deploy/deploy-stacksets.sh --bucket NAME --org-id o-xxxxxxxxxx --targets "ou-... r-..." [options]

  --bucket NAME             S3 bucket for the handler packages (created if missing)
  --org-id ID               AWS Organizations ID: only its accounts may read the packages
  --targets "ID ..."        organizational unit or root IDs to deploy to (auto-deployment covers new accounts)
  --registry-regions "R ..." regions where the types are registered (default: the onboarding region)
  --onboarding-region R     the one region where accounts are enrolled (default: AWS_DEFAULT_REGION or us-east-1)
  --token-env VAR           environment variable holding the Spot API token (default: SPOT_API_TOKEN)
  --token-location central|account
                            central (default, recommended): the token's only copy is a secret of this
                            account that only the organization's handler roles may read;
                            account: a copy in every member account, readable only by its handler role
  --prefix P                key prefix of the packages (default: spot-onboarding/1.0.0/)
  --existing-account-policy Reuse|Adopt|Fail   (default: Reuse)
  --include-elastigroup-policy true|false     (default: true)
  --include-cost-intelligence true|false      (default: true)
  --rename-to-alias true|false                (default: true)
  --call-as SELF|DELEGATED_ADMIN              (default: SELF)
  --include-management-account  also deploy both templates as plain stacks in this account
                                (StackSets never deploy to the management account)
  --packages-dir DIR        take the four spot-onboarding-*.zip from DIR instead of the module builds
  --apply-guardrails        first attach the service control policy deploy/token-guardrail-scp.json to the
                            targets (deploy/apply-guardrail.sh): only the StackSet execution roles may then
                            change what guards the token in their accounts
  --dry-run                 print every AWS CLI command instead of running it
USAGE
}

bucket="" org_id="" targets="" registry_regions="" onboarding_region="${AWS_DEFAULT_REGION:-us-east-1}"
token_env="SPOT_API_TOKEN" prefix="spot-onboarding/1.0.0/" policy="Reuse" elastigroup="true" ci="true"
rename="true" call_as="SELF" management="false" dry_run="false" packages_dir="" token_location="central"
guardrails="false"
while [ $# -gt 0 ]; do
    case "$1" in
        --bucket) bucket="$2"; shift 2 ;;
        --org-id) org_id="$2"; shift 2 ;;
        --targets) targets="$2"; shift 2 ;;
        --registry-regions) registry_regions="$2"; shift 2 ;;
        --onboarding-region) onboarding_region="$2"; shift 2 ;;
        --token-env) token_env="$2"; shift 2 ;;
        --token-location) token_location="$2"; shift 2 ;;
        --prefix) prefix="$2"; shift 2 ;;
        --existing-account-policy) policy="$2"; shift 2 ;;
        --include-elastigroup-policy) elastigroup="$2"; shift 2 ;;
        --include-cost-intelligence) ci="$2"; shift 2 ;;
        --rename-to-alias) rename="$2"; shift 2 ;;
        --call-as) call_as="$2"; shift 2 ;;
        --include-management-account) management="true"; shift ;;
        --packages-dir) packages_dir="$2"; shift 2 ;;
        --apply-guardrails) guardrails="true"; shift ;;
        --dry-run) dry_run="true"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
done

fail() { echo "deploy-stacksets: $*" >&2; exit 2; }
[ -n "$bucket" ] || fail "--bucket is required"
[[ "$org_id" =~ ^o-[a-z0-9]{10,32}$ ]] || fail "--org-id must look like o-abcd123456 (was '$org_id')"
[ -n "$targets" ] || fail "--targets needs at least one OU or root ID (ou-... or r-...)"
for target in $targets; do
    [[ "$target" =~ ^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})$ ]] || fail "--targets: '$target' is not an OU or root ID"
done
[[ "$prefix" =~ ^([A-Za-z0-9._-]+/)*$ ]] || fail "--prefix must be empty or end with a slash (was '$prefix')"
[[ "$policy" =~ ^(Adopt|Reuse|Fail)$ ]] || fail "--existing-account-policy must be Adopt, Reuse or Fail"
for flag in "$elastigroup" "$ci" "$rename"; do
    [[ "$flag" =~ ^(true|false)$ ]] || fail "the include/rename options take true or false (was '$flag')"
done
[[ "$call_as" =~ ^(SELF|DELEGATED_ADMIN)$ ]] || fail "--call-as must be SELF or DELEGATED_ADMIN"
[[ "$token_location" =~ ^(central|account)$ ]] || fail "--token-location must be central or account"
token="${!token_env:-}"
[ -n "$token" ] || fail "the environment variable $token_env must hold the Spot API token"
[[ "$token" =~ ^[a-zA-Z0-9]+$ ]] || fail "the Spot API token in $token_env must be letters and digits only"
registry_regions="${registry_regions:-$onboarding_region}"
case " $registry_regions " in *" $onboarding_region "*) ;; *) registry_regions="$registry_regions $onboarding_region" ;; esac

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=print-command.sh
. "$root/deploy/print-command.sh"
# shellcheck source=template-parameters.sh
. "$root/deploy/template-parameters.sh"
if [ -n "$packages_dir" ]; then
    packages=("$packages_dir"/spot-onboarding-{account,linkedcredentials,accountalias,costintelligence}.zip)
else
    packages=(
        "$root/spot-account/target/spot-onboarding-account.zip"
        "$root/spot-linked-credentials/target/spot-onboarding-linkedcredentials.zip"
        "$root/spot-account-alias/target/spot-onboarding-accountalias.zip"
        "$root/spot-cost-intelligence/target/spot-onboarding-costintelligence.zip"
    )
fi
for package in "${packages[@]}"; do
    if [ ! -f "$package" ]; then
        [ "$dry_run" = "true" ] || fail "missing $package: build the packages first with ./mvnw -q package -DskipTests"
        echo "# not built yet: $package (./mvnw -q package -DskipTests)"
    fi
done

# Runs an AWS CLI command, or prints it with the token masked.
aws_cli() {
    if [ "$dry_run" = "true" ]; then
        local shown=() arg
        for arg in "$@"; do shown+=("${arg//$token/****}"); done
        if [[ "$*" == *"$token"* ]]; then
            echo "# **** stands for the Spot token in \$$token_env: the real run passes these parameters in a file only you can read"
        fi
        print_command aws "${shown[@]}"
    else
        aws "$@"
    fi
}

# The token goes to the CLI in files only this user can read, not on its command line; a dry run
# prints the parameters inline instead (the token masked), so that each printed line runs as it is.
parameter_files=()
trap 'rm -f "${parameter_files[@]}"' EXIT
# Sets the variable named $1 to the --parameters argument for the template parameters KEY VALUE ...
# (not in a subshell: the trap must know every file).
parameters_argument() {
    local variable="$1" file
    shift
    if [ "$dry_run" = "true" ]; then
        printf -v "$variable" '%s' "$(parameters_json "$@")"
    else
        file=$(mktemp)
        chmod 600 "$file"
        parameter_files+=("$file")
        parameters_json "$@" > "$file"
        printf -v "$variable" '%s' "file://$file"
    fi
}

# Each template's parameters as KEY VALUE pairs, in the array pairs: the same lists are checked against
# the templates before anything runs, and passed when their values are known.
central_parameters() {
    pairs=(SpotApiToken "$token" TokenAdministratorArn "$administrator" OrganizationId "$org_id")
}
registry_parameters() {
    pairs=(PackageBucket "$bucket" PackagePrefix "$prefix")
    # The handler roles may then read the central secret.
    [ -z "$central_arn" ] || pairs+=(CentralTokenSecretArn "$central_arn")
}
# $1: who may change the token secret besides the StackSet execution roles.
onboarding_parameters() {
    pairs=(SpotApiToken "$token_parameter" CentralTokenSecretArn "$central_arn" TokenAdministratorArn "$1"
        ExistingAccountPolicy "$policy" IncludeElastigroupPolicy "$elastigroup" IncludeCostIntelligence "$ci"
        RenameToAlias "$rename")
}
central_arn="<checked>" token_parameter="" administrator=""
central_parameters; check_parameters "$root/deploy/central-token.yml" "${pairs[@]}"
registry_parameters; check_parameters "$root/registry.yml" "${pairs[@]}"
onboarding_parameters ""; check_parameters "$root/template.yml" "${pairs[@]}"
central_arn=""

# Who runs this: the writer of the central token, and the administrator of the management account's
# own token secret (a plain stack's deployer is no StackSet execution role).
administrator=""
if [ "$token_location" = "central" ] || [ "$management" = "true" ]; then
    if [ "$dry_run" = "true" ]; then
        administrator="arn:aws:iam::<this account>:role/<your role>"
    else
        caller=$(aws sts get-caller-identity --query Arn --output text)
        if [[ "$caller" =~ :assumed-role/([^/]+)/ ]]; then
            # The role's ARN with its path, as aws:PrincipalArn has it.
            administrator=$(aws iam get-role --role-name "${BASH_REMATCH[1]}" --query Role.Arn --output text)
        else
            administrator="$caller"
        fi
    fi
fi

if [ "$guardrails" = "true" ]; then
    # Before the token is stored anywhere.
    guardrail_options=(--bucket "$bucket" --targets "$targets")
    [ "$dry_run" = "false" ] || guardrail_options+=(--dry-run)
    "$root/deploy/apply-guardrail.sh" "${guardrail_options[@]}"
    case " $targets " in
        *" r-"*) ;;
        *) [ "$token_location" = "account" ] || echo "# the central token is readable by a role named SpotOnboardingHandlers-$onboarding_region in any account of the organization: attach the guardrail to the OUs outside --targets too (or give the root)" ;;
    esac
fi

central_arn=""
token_parameter="$token"
if [ "$token_location" = "central" ]; then
    echo "== The Spot token, once, in this account: stack spot-onboarding-central-token (deploy/central-token.yml) in $onboarding_region"
    central_parameters
    parameters_argument central "${pairs[@]}"
    aws_cli cloudformation create-stack --stack-name spot-onboarding-central-token --region "$onboarding_region" \
        --template-body "file://$root/deploy/central-token.yml" --parameters "$central"
    aws_cli cloudformation wait stack-create-complete --stack-name spot-onboarding-central-token \
        --region "$onboarding_region"
    if [ "$dry_run" = "true" ]; then
        central_arn="arn:aws:secretsmanager:$onboarding_region:<this account>:secret:cfn/spot/organization-api-token-<suffix>"
    else
        central_arn=$(aws cloudformation describe-stacks --stack-name spot-onboarding-central-token \
            --region "$onboarding_region" --output text \
            --query "Stacks[0].Outputs[?OutputKey=='CentralTokenSecretArn'].OutputValue")
        [[ "$central_arn" == arn:* ]] || fail "stack spot-onboarding-central-token gave no CentralTokenSecretArn output"
    fi
    echo "# member accounts get only this ARN: $central_arn"
    # The members' template gets the pointer, never the token.
    token_parameter=""
fi

echo "== Handler packages to s3://$bucket/$prefix"
if [ "$dry_run" = "true" ] || ! aws s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
    if [ "$onboarding_region" = "us-east-1" ]; then
        aws_cli s3api create-bucket --bucket "$bucket" --region us-east-1
    else
        aws_cli s3api create-bucket --bucket "$bucket" --region "$onboarding_region" \
            --create-bucket-configuration "LocationConstraint=$onboarding_region"
    fi
fi
aws_cli s3api put-public-access-block --bucket "$bucket" --public-access-block-configuration \
    BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
read_policy=$(cat <<JSON
{"Version":"2012-10-17","Statement":[{"Sid":"OrganizationReadsSpotOnboardingPackages","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::$bucket/${prefix}*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"$org_id"}}}]}
JSON
)
aws_cli s3api put-bucket-policy --bucket "$bucket" --policy "$read_policy"
for package in "${packages[@]}"; do
    aws_cli s3 cp "$package" "s3://$bucket/$prefix$(basename "$package")"
done

echo "== StackSet spot-onboarding-registry (registry.yml) in: $registry_regions"
# No secret among them: the same parameters inline in a real run, and as overrides for a plain stack.
registry_parameters
registry_shorthand=() registry_overrides=()
for (( i = 0; i < ${#pairs[@]}; i += 2 )); do
    registry_shorthand+=("ParameterKey=${pairs[i]},ParameterValue=${pairs[i + 1]}")
    registry_overrides+=("${pairs[i]}=${pairs[i + 1]}")
done
aws_cli cloudformation create-stack-set --stack-set-name spot-onboarding-registry \
    --description "Registers the Spot::Onboarding resource types" \
    --template-body "file://$root/registry.yml" \
    --parameters "${registry_shorthand[@]}" \
    --capabilities CAPABILITY_NAMED_IAM \
    --permission-model SERVICE_MANAGED \
    --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false \
    --managed-execution Active=true \
    --call-as "$call_as"
# shellcheck disable=SC2086
aws_cli cloudformation create-stack-instances --stack-set-name spot-onboarding-registry \
    --deployment-targets "OrganizationalUnitIds=$(echo $targets | tr ' ' ',')" \
    --regions $registry_regions \
    --operation-preferences FailureTolerancePercentage=10,MaxConcurrentPercentage=100,RegionConcurrencyType=PARALLEL \
    --call-as "$call_as"

if [ "$dry_run" = "true" ]; then
    registry_arn="arn:aws:cloudformation:$onboarding_region:<this account>:stackset/spot-onboarding-registry:<id>"
else
    registry_arn=$(aws cloudformation describe-stack-set --stack-set-name spot-onboarding-registry \
        --call-as "$call_as" --query StackSet.StackSetARN --output text)
fi

onboarding_parameters ""
parameters_argument parameters "${pairs[@]}"

echo "== StackSet spot-onboarding (template.yml) in: $onboarding_region, after the registry"
aws_cli cloudformation create-stack-set --stack-set-name spot-onboarding \
    --description "Enrolls each account of the organization into Spot" \
    --template-body "file://$root/template.yml" \
    --parameters "$parameters" \
    --capabilities CAPABILITY_IAM \
    --permission-model SERVICE_MANAGED \
    --auto-deployment "Enabled=true,RetainStacksOnAccountRemoval=false,DependsOn=$registry_arn" \
    --managed-execution Active=true \
    --call-as "$call_as"
# 100 stacks at a time whatever the organization's size, and SOFT_FAILURE_TOLERANCE so a failure does not
# lower it (the default, strict mode, caps concurrency at the failure tolerance + 1). Chosen from
# spot-local's StackSet runs (docs/organization-scale.md, "How many stacks in flight"): fewer leave the create
# route idle, more buy little for one more organization listing per account.
aws_cli cloudformation create-stack-instances --stack-set-name spot-onboarding \
    --deployment-targets "OrganizationalUnitIds=$(echo $targets | tr ' ' ',')" \
    --regions "$onboarding_region" \
    --operation-preferences FailureTolerancePercentage=10,MaxConcurrentCount=100,ConcurrencyMode=SOFT_FAILURE_TOLERANCE \
    --call-as "$call_as"

if [ "$management" = "true" ]; then
    echo "== The management account itself (StackSets skip it): plain stacks"
    aws_cli cloudformation deploy --stack-name spot-onboarding-registry --region "$onboarding_region" \
        --template-file "$root/registry.yml" --capabilities CAPABILITY_NAMED_IAM \
        --parameter-overrides "${registry_overrides[@]}"
    # A plain stack's deployer is no StackSet execution role: name it, or it could not update or delete
    # the token secret's resource policy.
    onboarding_parameters "$administrator"
    parameters_argument management_parameters "${pairs[@]}"
    aws_cli cloudformation create-stack --stack-name spot-onboarding --region "$onboarding_region" \
        --template-body "file://$root/template.yml" --capabilities CAPABILITY_IAM \
        --parameters "$management_parameters"
fi
echo "== Done. Follow the rollout with: aws cloudformation list-stack-set-operations --stack-set-name spot-onboarding"
