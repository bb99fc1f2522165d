"""Parses a STIX 2.1 bundle with OASIS's own library, custom content refused, and prints the
number of objects of each type as JSON (tests/export.rs)."""
import collections
import json
import sys

import stix2

with open(sys.argv[1], encoding="utf-8") as f:
    bundle = stix2.parse(f.read(), allow_custom=False)
print(json.dumps(collections.Counter(o.type for o in bundle.objects)))
