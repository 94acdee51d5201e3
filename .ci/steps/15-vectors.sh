#!/usr/bin/env bash
# Conformance vectors: build the independent C oracle and check that every
# expected `=> ` line in tests/vectors/*.vec is what it computes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
tests/vectors/oracle/check.sh
