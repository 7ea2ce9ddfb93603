"""Generate flows/report_assets/world-110m.json, the report map's world outline.

Run once, from anywhere, on a machine with npm:  python flows/report_assets/generate_world.py

The file is `countries-110m.json` from the npm package world-atlas 2.0.2 (ISC licence,
Mike Bostock): TopoJSON built from Natural Earth's 1:110m admin-0 countries (public
domain), with the objects `countries` and `land`. The package is fetched with
`npm pack` (the npm registry), checked against a pinned SHA-256 and copied as is, so
the report never fetches map geometry at run time. See PROVENANCE.md beside this file.
"""

from __future__ import annotations

import hashlib
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "world-atlas@2.0.2"
MEMBER = "package/countries-110m.json"
SHA256 = "2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8"
TARGET = Path(__file__).resolve().parent / "world-110m.json"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        name = (
            subprocess.run(
                ["npm", "pack", PACKAGE, "--silent"],
                cwd=folder,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        with tarfile.open(Path(folder) / name) as archive:
            member = archive.extractfile(MEMBER)
            if member is None:
                raise SystemExit(f"{MEMBER} missing from {PACKAGE}")
            data = member.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"{PACKAGE}/{MEMBER}: sha256 {digest}, expected {SHA256}")
    TARGET.write_bytes(data)
    print(f"wrote {TARGET} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
