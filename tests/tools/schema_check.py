#!/usr/bin/env python3
"""Checks maps/bodymap.schema.json against files: `schema_check.py SCHEMA accept|reject FILE...`.
Exit 0 when every file is accepted (accept) or every file is rejected (reject); each wrong one
is printed with the schema's first complaint."""
import json
import sys

import jsonschema


def main():
    schema_path, want, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    wrong = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        if want == "accept" and errors:
            print(f"{path}: the schema rejects it: {errors[0].message[:300]}")
            wrong += 1
        elif want == "reject" and not errors:
            print(f"{path}: the schema accepts it")
            wrong += 1
    print(f"{len(files) - wrong} of {len(files)} files {want}ed as expected")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
