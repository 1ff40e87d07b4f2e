"""Writes app/testdata/geoip-test.mmdb: a tiny GeoLite2-City-shaped database for tests.

Run once with `pip install mmdb-writer netaddr`; the .mmdb it writes is committed, so tests
need neither Python nor a download. Addresses are from the documentation ranges (RFC 5737).
"""
from mmdb_writer import MMDBWriter
from netaddr import IPSet

writer = MMDBWriter(ip_version=6, database_type="GeoLite2-City", ipv4_compatible=True)
writer.insert_network(
    IPSet(["203.0.113.0/24"]),
    {"city": {"names": {"en": "Testville"}}, "country": {"iso_code": "TL", "names": {"en": "Testland"}}},
)
writer.insert_network(
    IPSet(["198.51.100.0/24"]),
    {"country": {"iso_code": "CL", "names": {"en": "Countryland"}}},
)
writer.to_db_file("app/testdata/geoip-test.mmdb")
