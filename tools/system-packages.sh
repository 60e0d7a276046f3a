#!/usr/bin/env bash
# Install the Debian packages given as arguments, but only those whose program or files are
# missing; `apt-get update` runs once, and only when something has to be installed.
#   tools/system-packages.sh redis-server postgresql chromium gettext fonts-noto-core
set -euo pipefail

present() {
  case "$1" in
    redis-server) command -v redis-server >/dev/null ;;
    postgresql) compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && id postgres >/dev/null 2>&1 ;;
    chromium) command -v chromium >/dev/null || [ -x /usr/bin/chromium ] ;;
    gettext) command -v msgfmt >/dev/null ;;
    fonts-noto-core) compgen -G "/usr/share/fonts/truetype/noto/NotoSansArabic*" >/dev/null ;;
    npm) command -v npm >/dev/null ;;
    python3-venv) python3 -c "import ensurepip, venv" 2>/dev/null ;;
    make) command -v make >/dev/null ;;
    *) dpkg -s "$1" >/dev/null 2>&1 ;;
  esac
}

missing=()
for package in "$@"; do
  present "$package" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
