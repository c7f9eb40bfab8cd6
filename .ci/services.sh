#!/usr/bin/env bash
# Servers the test suite uses. Each start_* installs its Debian package when missing.
start_services() {
  # OCI registry for the ImageSpec/jib tests; the tests start and stop their own instances on loopback
  command -v docker-registry >/dev/null || { apt-get update -qq && apt-get install -y -qq docker-registry; }
}
stop_services() { :; }
