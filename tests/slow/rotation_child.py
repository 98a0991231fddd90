"""Rotates the clinic key again and again until killed (for test_rotation_kills.py).

    python rotation_child.py DATABASE
prints ``ROTATING`` when a rotation starts and ``ROTATED <epoch>`` when it is done.
"""

from __future__ import annotations

import sys

from argon2 import PasswordHasher

from caseplan.services.clinic import clinic_keys, unlock
from caseplan.storage import costs
from caseplan.storage.location import resolve

CHEAP = costs.Costs(
    costs.KdfParams(1, 8, 1), PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
)


def main() -> None:
    costs.use(CHEAP)
    where = resolve(sys.argv[1])
    while True:
        clinic = unlock.sign_in(where, "admin", "demo")
        print("ROTATING", flush=True)
        try:
            rotation = clinic_keys.rotate(clinic, "a test rotates again and again")
        finally:
            clinic.close()
        print(f"ROTATED {rotation.epoch}", flush=True)


if __name__ == "__main__":
    main()
