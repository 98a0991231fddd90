"""Security benchmark (docs/security.md §10): what the key design costs on 10,000 people.

Makes a DEMO clinic with the real key settings, then prints:

- key file entries and grants per role;
- Argon2id time per password guess, so guesses per second for an offline attacker;
- sign-in times (staff, peer worker) and how long a peer store takes to build;
- a full rotation (re-encrypting the database and every peer store) and its parts;
- for comparison, the route not taken: AES-GCM on every text field of every person
  (encrypt and decrypt once), and a name search that must decrypt every name.

    .venv/bin/python benchmarks/bench_security.py [--people 10000] [--folder DIR]
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import String

from caseplan.demo.clinic import create_demo_clinic
from caseplan.models import Base
from caseplan.services.clinic import clinic_keys, peer_store, unlock
from caseplan.services.people.people import count_people, list_people
from caseplan.storage import cipher, keyfile, keys
from caseplan.storage.costs import REAL
from caseplan.storage.location import resolve


def _timed(action):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def _guesses_per_second(rounds: int = 6) -> float:
    times = []
    for n in range(rounds):
        start = time.perf_counter()
        REAL.kdf.derive(f"guess number {n}".encode(), secrets.token_bytes(16))
        times.append(time.perf_counter() - start)
    return 1 / statistics.median(times)


def _field_encryption(database: Path, key: bytes) -> tuple[float, float, int]:
    """Route 1 for comparison: every text field of every person's record, AES-GCM."""
    connection = cipher.connect_for_reading(database, key)
    fields: list[bytes] = []
    try:
        for table in Base.metadata.sorted_tables:
            text_columns = [c.name for c in table.columns if isinstance(c.type, String)]
            if not text_columns or table.name in ("audit_events", "settings", "accounts"):
                continue
            for row in connection.execute(f"SELECT {', '.join(text_columns)} FROM {table.name}"):
                fields.extend(str(value).encode() for value in row if value)
    finally:
        connection.close()
    aead = AESGCM(AESGCM.generate_key(bit_length=256))
    nonce = b"\0" * 12  # measuring only: never reuse a nonce for real
    start = time.perf_counter()
    sealed = [aead.encrypt(nonce, value, None) for value in fields]
    encrypt = time.perf_counter() - start
    start = time.perf_counter()
    for value in sealed:
        aead.decrypt(nonce, value, None)
    decrypt = time.perf_counter() - start
    return encrypt, decrypt, len(fields)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000, metavar="N")
    parser.add_argument("--folder", metavar="DIR", help="default: a fresh temporary folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="caseplan-bench-") as scratch:
        folder = Path(args.folder or scratch)
        database = folder / "caseplan.db"
        where = resolve(str(database))
        print(f"people:                     {args.people}")
        clinic, seconds = _timed(lambda: create_demo_clinic(where, args.people))
        _none, build = _timed(clinic.close)
        print(
            f"demo made:                  {seconds:.0f} s; peer stores built on close {build:.2f} s"
        )
        print(f"database file:              {database.stat().st_size / 1e6:.0f} MB")

        current = keyfile.load(keys.keys_path(database))
        kinds = Counter(
            "recovery key" if e.kind == "recovery" else ("peer worker" if e.store else "staff")
            for e in current.entries.values()
        )
        print(f"key file entries:           {dict(kinds)}")
        print(
            "grants per entry:           1 per epoch (staff and recovery: the clinic key; "
            "peer worker: their own store's key)"
        )
        per_second = _guesses_per_second()
        print(
            f"Argon2id per guess:         {1000 / per_second:.0f} ms "
            f"({per_second:.1f} guesses/s per core, 64 MiB each)"
        )

        staff, staff_s = _timed(lambda: unlock.sign_in(where, "lead", "demo"))
        print(f"staff sign-in:              {staff_s:.2f} s ({count_people(staff.ctx)} people)")
        _rows, list_s = _timed(lambda: list_people(staff.ctx))
        print(f"caseload, all people:       {list_s * 1000:.0f} ms")
        peers = peer_store.peers_with_stores(staff.database, current)
        assert staff.secret is not None
        today = date.today()
        for peer in peers:
            _r, rebuild_s = _timed(
                lambda peer=peer: peer_store.rebuild(
                    staff.database, staff.secret, current, peer, today
                )
            )
            store = peer_store.store_path(database, peer.store)
            print(
                f"peer store of {peer.username:12} {rebuild_s:.2f} s to build, "
                f"{store.stat().st_size / 1e6:.1f} MB"
            )
        rotation = clinic_keys.rotate(staff, "benchmark")
        print(f"rotation ({args.people} people): {rotation.seconds:.1f} s in all")
        staff.close()
        key = keys.new_database_key()
        _r, rekey_s = _timed(lambda: cipher.rekey(database, _clinic_key(database), key))
        print(f"  of which re-encrypting the database alone: {rekey_s:.1f} s")
        peer, peer_s = _timed(lambda: unlock.sign_in(where, "peer", "demo"))
        print(f"peer sign-in:               {peer_s:.2f} s ({count_people(peer.ctx)} people)")
        peer.close()

        encrypt, decrypt, fields = _field_encryption(database, key)
        print(
            f"route 1 (field encryption): {fields} text fields: encrypt {encrypt:.2f} s, "
            f"decrypt {decrypt:.2f} s (and every name decrypted for each search)"
        )
        names = [str(n) for n in _names(database, key)]
        aead = AESGCM(AESGCM.generate_key(bit_length=256))
        sealed = [aead.encrypt(b"\0" * 12, n.encode(), None) for n in names]
        _r, search_s = _timed(
            lambda: [n for n in (aead.decrypt(b"\0" * 12, s, None) for s in sealed) if b"a" in n]
        )
        print(f"  a name search over {len(names)} encrypted names: {search_s * 1000:.0f} ms")
    return 0


def _clinic_key(database: Path) -> bytes:
    """Put the database back under a key the benchmark knows (after the rotation)."""
    current = keyfile.load(keys.keys_path(database))
    opened = keys.open_grant(current, keys.unlock_account(current, "lead", "demo"))
    assert opened is not None
    return opened


def _names(database: Path, key: bytes) -> list[str]:
    connection = cipher.connect_for_reading(database, key)
    try:
        return [row[0] for row in connection.execute("SELECT full_name FROM persons")]
    finally:
        connection.close()


if __name__ == "__main__":
    raise SystemExit(main())
