#!/usr/bin/env python3
"""Vendor Debian 12's pure-Python Flask stack into one zip that Pyodide unpacks in the browser.

Run on Debian 12 (bookworm) as `python3 scripts/vendor-flask.py`: it downloads the `python3-*`
packages below with `apt-get download`, extracts them with `dpkg-deb -x`, and writes

- `vendor/python/flask-packages.zip`: the packages' `dist-packages` files (modules and their
  egg-info/dist-info metadata) at the zip's root, ready for `site-packages`, plus each package's
  Debian `copyright` file (its licence) under `licenses/<package>/copyright`. Compiled C
  speedups (`*.so`) are dropped: Pyodide cannot load Linux x86-64 objects, and MarkupSafe falls
  back to its pure-Python `_native` module without them. `__pycache__` is dropped too.
- `vendor/python/flask-packages.json`: the Debian package names and versions, the Python
  distributions they hold, the files kept and dropped, and the zip's SHA-256.

Both outputs are committed, so a fresh clone builds without the Debian archive. The zip is
deterministic (sorted names, fixed dates, fixed compression level): rerunning with the same
package versions gives the same bytes.
"""

import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGES = [
    "python3-flask",
    "python3-werkzeug",
    "python3-itsdangerous",
    "python3-jinja2",
    "python3-markupsafe",
    "python3-click",
    "python3-blinker",
]
ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "vendor" / "python"
ZIP_NAME = "flask-packages.zip"
DIST_PACKAGES = Path("usr/lib/python3/dist-packages")
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def dropped(relative: Path) -> bool:
    """Compiled extensions and bytecode caches are not shipped (see the module docstring)."""
    return relative.suffix == ".so" or "__pycache__" in relative.parts


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], check=True, capture_output=True,
                          text=True).stdout.strip()


def distributions(package_root: Path) -> list[str]:
    """`Name-version` of each egg-info/dist-info directory a package installs."""
    found = []
    for meta in sorted(package_root.glob("*.egg-info")) + sorted(package_root.glob("*.dist-info")):
        found.append(meta.name.rsplit(".", 1)[0])
    return found


def main() -> int:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run(["apt-get", "download", *PACKAGES], cwd=work, check=True)
        entries: dict[str, bytes] = {}
        manifest_packages = []
        kept_total = 0
        dropped_files = []
        for package in PACKAGES:
            debs = sorted(work.glob(f"{package}_*.deb"))
            if len(debs) != 1:
                print(f"vendor-flask: expected one {package} .deb, found {len(debs)}", file=sys.stderr)
                return 1
            deb = debs[0]
            extracted = work / package
            subprocess.run(["dpkg-deb", "-x", str(deb), str(extracted)], check=True)
            root = extracted / DIST_PACKAGES
            kept = 0
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                relative = path.relative_to(root)
                if dropped(relative):
                    if relative.suffix == ".so":
                        dropped_files.append(relative.as_posix())
                    continue
                entries[relative.as_posix()] = path.read_bytes()
                kept += 1
            licence = extracted / "usr/share/doc" / package / "copyright"
            entries[f"licenses/{package}/copyright"] = licence.read_bytes()
            kept_total += kept
            manifest_packages.append({
                "debian_package": package,
                "version": field(deb, "Version"),
                "distributions": distributions(root),
                "files": kept,
                "licence": f"licenses/{package}/copyright",
            })

    zip_path = OUT_DIR / ZIP_NAME
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name], compresslevel=9)

    data = zip_path.read_bytes()
    manifest = {
        "generator": "scripts/vendor-flask.py",
        "source": "Debian 12 (bookworm) binary packages, via apt-get download and dpkg-deb -x",
        "zip": ZIP_NAME,
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "python_files": kept_total,
        "dropped": sorted(dropped_files),
        "packages": manifest_packages,
    }
    (OUT_DIR / "flask-packages.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"vendor-flask: wrote {zip_path.relative_to(ROOT)} ({len(data)} bytes, {kept_total} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
