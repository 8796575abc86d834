"""moto_server, plus the one AWS behaviour moto lacks that the central token option needs, and two
lookups made constant-time so that an organization of 10,000 member accounts runs in minutes.

In AWS, GetSecretValue and DescribeSecret given the full ARN of a secret in another account reach
that account's secret (when its resource policy allows the caller). moto looks the ARN up among
the caller's own secrets instead. Here such a call reaches the secret of the account the ARN names.
Like moto itself, this evaluates no resource or key policy: the templates' tests prove those.

moto finds the account of a request's access key by scanning every account's IAM backend, in every
partition (creating those backends as it goes), and checks whether it knows an account by copying
its list of accounts: both on every request, so a StackSet of N accounts costs N squared. Here the
account of a key is filed when IAM creates the key, and the check is a dictionary lookup. What either
returns is unchanged.
"""
import re
import sys

from moto.core import DEFAULT_ACCOUNT_ID, base_backend
from moto.iam import models as iam_models
from moto.secretsmanager import responses
from moto.secretsmanager.models import secretsmanager_backends
from moto.server import main

_ARN = re.compile(r"^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):([0-9]{12}):secret:")
_BY_ARN = ("secretsmanager.GetSecretValue", "secretsmanager.DescribeSecret")


def _backend(self):
    if self.headers.get("X-Amz-Target") in _BY_ARN:
        match = _ARN.match(self._get_param("SecretId") or "")
        if match and match.group(2) != self.current_account:
            return secretsmanager_backends[match.group(2)][match.group(1)]
    return secretsmanager_backends[self.current_account][self.region]


responses.SecretsManagerResponse.backend = property(_backend)

# Where each access key was made: IAM files every key it creates, user's or STS session's, in the
# backend of one account and partition, and nowhere else.
_account_of_key = {}


def _indexing(create):
    def created(self, *args, **kwargs):
        key = create(self, *args, **kwargs)
        _account_of_key[key.access_key_id] = (self.account_id, self.partition)
        return key

    return created


def _account_id_from(access_key):
    known = _account_of_key.get(access_key)
    if known is not None:
        account_id, partition = known
        # After a reset the account is gone, and the key with it: then moto's default, as its scan gives.
        account = dict.get(iam_models.iam_backends, account_id)
        backend = dict.get(account, partition) if account is not None else None
        if backend is not None and access_key in backend.access_keys:
            return account_id
    return DEFAULT_ACCOUNT_ID


_create_account_specific_backend = base_backend.BackendDict._create_account_specific_backend


def _known_or_created(self, account_id):
    # moto copies its list of accounts to ask this on every lookup; only a new account needs that.
    if not dict.__contains__(self, account_id):
        _create_account_specific_backend(self, account_id)


iam_models.IAMBackend.create_access_key = _indexing(iam_models.IAMBackend.create_access_key)
iam_models.IAMBackend.create_temp_access_key = _indexing(iam_models.IAMBackend.create_temp_access_key)
iam_models.get_account_id_from = _account_id_from
base_backend.BackendDict._create_account_specific_backend = _known_or_created

if __name__ == "__main__":
    sys.exit(main())
