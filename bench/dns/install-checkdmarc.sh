#!/usr/bin/env bash
# Installs checkdmarc into a scratch virtual environment without a package
# index: Debian packages for the dependencies Debian has, and source trees
# (unpacked release tags) for checkdmarc and the pure-Python dependencies
# Debian lacks. See the "DNS" section of bench/README.md.
#
#   bench/dns/install-checkdmarc.sh CHECKDMARC_DIR PYLERI_DIR PUBLICSUFFIXLIST_DIR
#
# VENV (default /tmp/checkdmarc-venv) is where it goes; APT=0 skips apt-get.
set -euo pipefail

if [ $# -ne 3 ]; then
	echo "usage: $0 CHECKDMARC_DIR PYLERI_DIR PUBLICSUFFIXLIST_DIR" >&2
	exit 2
fi
venv=${VENV:-/tmp/checkdmarc-venv}
# Debian's interpreter, so that --system-site-packages sees the Debian
# packages (a python3 earlier on PATH, from pyenv say, would not).
py=${PYTHON:-/usr/bin/python3}

for d in "$@"; do
	if [ ! -f "$d/setup.py" ] && [ ! -f "$d/pyproject.toml" ]; then
		echo "$d: not a Python source tree (no setup.py or pyproject.toml)" >&2
		exit 1
	fi
done

if [ "${APT:-1}" != 0 ]; then
	# The build back-ends (hatchling for checkdmarc, setuptools for the
	# others) and every dependency Debian packages.
	apt-get install -y --no-install-recommends python3-venv python3-pip \
		python3-hatchling python3-setuptools python3-wheel \
		python3-dnspython python3-requests python3-xmltodict \
		python3-cryptography python3-openssl python3-pem \
		python3-expiringdict python3-timeout-decorator
fi

rm -rf "$venv"
"$py" -m venv --system-site-packages "$venv"
for d in "$3" "$2" "$1"; do
	"$venv/bin/pip" install --no-index --no-deps --no-build-isolation "$d"
done
"$venv/bin/checkdmarc" --help >/dev/null
echo "checkdmarc installed in $venv"
