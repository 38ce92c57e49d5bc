"""ansible-core's answer for an inventory, printed as JSON (run in its own process: PySide6's import
hook, loaded by pytest-qt, breaks ansible-core's circular imports).

    python -m tests.ansible_oracle INVENTORY PATTERN...
"""

from __future__ import annotations

import json
import sys

from ansible.inventory.manager import InventoryManager
from ansible.parsing.dataloader import DataLoader
from ansible.vars.manager import VariableManager


def main(path: str, patterns: list[str]) -> None:
    loader = DataLoader()
    manager = InventoryManager(loader=loader, sources=[path])
    variables = VariableManager(loader=loader, inventory=manager)
    hosts = manager.get_hosts()
    answer = {
        "hosts": [host.name for host in hosts],
        "patterns": {pattern: [host.name for host in manager.get_hosts(pattern)] for pattern in patterns},
        "groups": {host.name: sorted(group.name for group in host.get_groups()) for host in hosts},
        "vars": {host.name: variables.get_vars(host=host) for host in hosts},
    }
    print(json.dumps(answer, default=str))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
