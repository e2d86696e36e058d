# Sourced by test.sh: installs and starts what the tests need on a fresh machine, and stops it afterwards.
# Each service adds its start and stop here; the functions must be safe to call when nothing was started.

test_env_start() {
  :
}

test_env_stop() {
  :
}
