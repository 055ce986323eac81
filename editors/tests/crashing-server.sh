#!/bin/sh
# A server that dies at once with an error, for the clients' crash handling tests.
echo "crosscheck: fatal: simulated crash for the client tests" >&2
exit 3
