#!/usr/bin/env bash
# Servers the test suite uses. Each start_* installs its Debian package when missing.
start_services() { :; }
stop_services() { :; }
