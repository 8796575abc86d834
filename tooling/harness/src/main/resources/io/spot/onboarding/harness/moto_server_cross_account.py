"""moto_server, plus the one AWS behaviour moto lacks that the central token option needs.

In AWS, GetSecretValue and DescribeSecret given the full ARN of a secret in another account reach
that account's secret (when its resource policy allows the caller). moto looks the ARN up among
the caller's own secrets instead. Here such a call reaches the secret of the account the ARN names.
Like moto itself, this evaluates no resource or key policy: the templates' tests prove those.
"""
import re
import sys

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

if __name__ == "__main__":
    sys.exit(main())
