"""Counts SPEC-OBJECT elements in a .reqif or .reqifz file with Python's own XML parser.

An independent count for the ReqIF conformance run: it shares no code with Tracery's reader.
Prints one number.
"""
import sys
import zipfile
import xml.etree.ElementTree as ET


def count(data: bytes) -> int:
    root = ET.fromstring(data)
    return sum(1 for el in root.iter() if el.tag.rsplit('}', 1)[-1] == 'SPEC-OBJECT')


path = sys.argv[1]
if zipfile.is_zipfile(path):
    with zipfile.ZipFile(path) as archive:
        print(sum(count(archive.read(n)) for n in archive.namelist() if n.lower().endswith('.reqif')))
else:
    with open(path, 'rb') as f:
        print(count(f.read()))
