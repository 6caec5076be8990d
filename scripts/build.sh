#!/bin/sh
# Type check, then the npm module, the three classic scripts, the type declarations and the configurator
# (dist/configurator/, which takes a copy of the classic scripts for its preview).
# schema.json is written by the first vite build (see vite.config.ts).
set -e
# vite.config.ts imports TypeScript without extensions; the warning is about a future default only.
export VITE_CONFIG_NATIVE_IGNORE_WARNING=1
tsc -p tsconfig.json
vite build
for mode in embed dialogs services; do vite build --mode "$mode"; done
tsc -p tsconfig.build.json
vite build --mode configurator
