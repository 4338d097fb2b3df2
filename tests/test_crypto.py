"""The crypto layer under attack: moved, flipped, cut and re-keyed values; key slots; the
recovery key's checksum; purpose-key separation; round trips of arbitrary documents."""

from __future__ import annotations

import json
import os
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake_desktop.crypto import keys, recovery
from intake_desktop.crypto.aead import FieldCipher, associated_data
from intake_desktop.crypto.errors import TamperedError, WrongKeyError
from intake_desktop.crypto.sealer import Sealer

KEY = bytes(range(32))
ROW = "6fac915a-f873-4242-905c-ea9f94f2a7f3"
OTHER_ROW = "a48c47d7-2893-4223-8947-cb476dbc7c38"
DOC = {"name": "김민수", "mobile": "01012345678", "note": "방 밖으로 나오기 어렵다고 함"}


CASE = "33333333-3333-4333-8333-333333333333"  # an owning case id for child rows


@pytest.fixture
def sealer() -> Sealer:
    return Sealer(FieldCipher(KEY))


# -- sealed values stay where they were put ----------------------------------------------------
def test_sealed_document_round_trips(sealer):
    blob = sealer.seal("person", ROW, 3, DOC)
    assert sealer.open("person", ROW, 3, blob) == DOC
    assert "김민수".encode() not in blob and b"01012345678" not in blob


@pytest.mark.parametrize(
    "where",
    [
        {"row_id": OTHER_ROW},  # copied into another row
        {"table": "account"},  # moved into another table
        {"column": "details"},  # moved into another column
        {"version": 2},  # replayed from an older version of the row
        {"version": 4},
    ],
    ids=["row", "table", "column", "older-version", "newer-version"],
)
def test_value_moved_elsewhere_fails(sealer, where):
    blob = sealer.seal("person", ROW, 3, DOC)
    place = {"table": "person", "row_id": ROW, "version": 3, "column": "data", **where}
    with pytest.raises(TamperedError):
        sealer.open(place["table"], place["row_id"], place["version"], blob, column=place["column"])


def test_every_single_byte_flip_is_detected():
    cipher = FieldCipher(KEY)
    aad = associated_data("person", "data", ROW, 1)
    blob = cipher.encrypt("김".encode(), aad)
    assert len(blob) == 1 + 12 + 3 + 16
    for position in range(len(blob)):
        for mask in (0x01, 0x80, 0xFF):
            flipped = bytearray(blob)
            flipped[position] ^= mask
            with pytest.raises(TamperedError):
                cipher.decrypt(bytes(flipped), aad)


def test_every_truncation_and_extension_is_detected():
    cipher = FieldCipher(KEY)
    aad = associated_data("person", "data", ROW, 1)
    blob = cipher.encrypt(b"short secret", aad)
    for length in range(len(blob)):
        with pytest.raises(TamperedError):
            cipher.decrypt(blob[:length], aad)
    for tail in (b"\x00", b"x" * 16):
        with pytest.raises(TamperedError):
            cipher.decrypt(blob + tail, aad)
    assert cipher.decrypt(blob, aad) == b"short secret"


def test_wrong_key_fails():
    aad = associated_data("person", "data", ROW, 1)
    blob = FieldCipher(KEY).encrypt(b"secret", aad)
    for other in (bytes(32), KEY[:-1] + b"\x00", os.urandom(32)):
        with pytest.raises(TamperedError):
            FieldCipher(other).decrypt(blob, aad)


def test_only_256_bit_keys_are_accepted():
    for bad in (b"", bytes(16), bytes(24), bytes(33)):
        with pytest.raises(ValueError):
            FieldCipher(bad)


def test_authenticated_non_json_is_reported_as_tampering():
    cipher = FieldCipher(KEY)
    aad = associated_data("draft", "data", ROW, 1)
    with pytest.raises(TamperedError):
        cipher.decrypt_json(cipher.encrypt(b"\xff not json", aad), aad)


def test_nonces_are_unique_over_ten_thousand_encryptions():
    cipher = FieldCipher(KEY)
    aad = associated_data("person", "data", ROW, 1)
    blobs = [cipher.encrypt(b"same plaintext every time", aad) for _ in range(10_000)]
    nonces = {blob[1:13] for blob in blobs}
    assert len(nonces) == 10_000
    assert len(set(blobs)) == 10_000  # equal plaintexts never give equal ciphertexts


def test_lone_surrogate_round_trips_instead_of_crashing(sealer):
    # JSON allows "\ud800"; an imported file can carry one. Saving must not crash.
    doc = json.loads('{"answer": "a\\ud800b"}')
    assert sealer.open("intake_record", ROW, 1, sealer.seal("intake_record", ROW, 1, doc, owner=CASE), owner=CASE) == doc


# -- key slots ---------------------------------------------------------------------------------
VAULT_ID = "0b7f6a52-7b0e-4c1e-9d55-2f4f3b1a9c10"


def test_key_slot_opens_only_with_its_passphrase():
    dek = keys.new_data_key()
    slot = keys.wrap_data_key(dek, b"correct horse battery", VAULT_ID, "slot-1")
    assert keys.unwrap_data_key(slot, b"correct horse battery", VAULT_ID, "slot-1") == dek
    for wrong in (b"correct horse batterY", b"", b"correct horse battery "):
        with pytest.raises(WrongKeyError):
            keys.unwrap_data_key(slot, wrong, VAULT_ID, "slot-1")


def test_key_slot_is_bound_to_its_vault_and_slot_id():
    dek = keys.new_data_key()
    slot = keys.wrap_data_key(dek, b"pass phrase", VAULT_ID, "slot-1")
    with pytest.raises(WrongKeyError):
        keys.unwrap_data_key(slot, b"pass phrase", VAULT_ID, "slot-2")
    with pytest.raises(WrongKeyError):
        keys.unwrap_data_key(slot, b"pass phrase", "another-vault", "slot-1")


def test_each_slot_gets_its_own_salt():
    dek = keys.new_data_key()
    a = keys.wrap_data_key(dek, b"same", VAULT_ID, "a")
    b = keys.wrap_data_key(dek, b"same", VAULT_ID, "b")
    assert a.params.salt != b.params.salt and len(a.params.salt) == 16
    assert a.wrapped != b.wrapped


# -- recovery key -------------------------------------------------------------------------------
@pytest.fixture
def fixed_key(monkeypatch) -> str:
    """A recovery key from fixed "random" bytes, so the checks below are deterministic."""
    monkeypatch.setattr(recovery.os, "urandom", lambda n: bytes.fromhex("0001f2e3d4c5b6a79881706f5e4d3c2b1a0a1b2c")[:n])
    return recovery.generate()


def test_recovery_key_format(fixed_key):
    groups = fixed_key.split("-")
    assert len(groups) == 9 and all(len(g) == 4 for g in groups)
    assert set("".join(groups)) <= set(recovery.ALPHABET)
    assert not set("ILOU") & set(fixed_key)
    assert recovery.normalise(fixed_key) == "".join(groups)[:32]


def test_recovery_keys_are_random():
    fresh = {recovery.generate() for _ in range(50)}
    assert len(fresh) == 50
    assert all(recovery.normalise(key) for key in fresh)


def test_checksum_catches_every_single_character_typo(fixed_key):
    plain = fixed_key.replace("-", "")
    misread = {"0": "O", "1": "IL", "V": "U"}  # these are read back as the same character
    caught = 0
    for i, original in enumerate(plain):
        for replacement in recovery.ALPHABET:
            if replacement == original or replacement in misread.get(original, ""):
                continue
            typo = plain[:i] + replacement + plain[i + 1:]
            with pytest.raises(recovery.RecoveryKeyFormatError):
                recovery.normalise(typo)
            caught += 1
    assert caught == 36 * 31


def test_checksum_catches_swapped_neighbours(fixed_key):
    plain = fixed_key.replace("-", "")
    for i in range(len(plain) - 1):
        if plain[i] == plain[i + 1]:
            continue
        swapped = plain[:i] + plain[i + 1] + plain[i] + plain[i + 2:]
        with pytest.raises(recovery.RecoveryKeyFormatError):
            recovery.normalise(swapped)


def test_common_misreadings_and_spacing_are_accepted(fixed_key):
    body = recovery.normalise(fixed_key)
    assert "0" in fixed_key and "1" in fixed_key  # the fixed key exercises both misreadings
    for variant in (
        fixed_key.lower(),
        fixed_key.replace("-", " "),
        fixed_key.replace("-", ""),
        fixed_key.replace("0", "O"),
        fixed_key.replace("0", "o").replace("1", "l"),
        fixed_key.replace("1", "I"),
        " " + fixed_key.replace("-", "\t") + "\r\n",
    ):
        assert recovery.normalise(variant) == body, variant


@pytest.mark.parametrize("text", ["", "ABCD", "not a key at all", "0" * 35, "0" * 37, "!" * 36])
def test_malformed_recovery_keys_are_refused(text):
    with pytest.raises(recovery.RecoveryKeyFormatError):
        recovery.normalise(text)


# -- purpose keys ---------------------------------------------------------------------------------
def test_purpose_keys_are_distinct_and_stable():
    dek = keys.new_data_key()
    derived = {p: keys.derive_purpose_key(dek, p, VAULT_ID) for p in keys.PURPOSES}
    assert len(set(derived.values())) == len(keys.PURPOSES)
    assert dek not in derived.values()
    assert all(len(k) == 32 for k in derived.values())
    assert derived == {p: keys.derive_purpose_key(dek, p, VAULT_ID) for p in keys.PURPOSES}
    other_vault = {p: keys.derive_purpose_key(dek, p, "another-vault") for p in keys.PURPOSES}
    assert not set(other_vault.values()) & set(derived.values())
    with pytest.raises(ValueError):
        keys.derive_purpose_key(dek, "nonsense", VAULT_ID)


def test_ciphers_of_different_purposes_do_not_open_each_others_values():
    ring = keys.KeyRing(keys.new_data_key(), VAULT_ID)
    aad = associated_data("person", "data", ROW, 1)
    blob = ring.cipher("fields").encrypt(b"x", aad)
    with pytest.raises(TamperedError):
        ring.cipher("drafts").decrypt(blob, aad)
    assert ring.mac("audit", b"m") != ring.mac("search", b"m")


def test_closed_keyring_refuses_everything():
    ring = keys.KeyRing(keys.new_data_key(), VAULT_ID)
    ring.cipher("fields")
    ring.close()
    assert not ring.is_open
    for use in (ring.data_key, lambda: ring.purpose_key("fields"), lambda: ring.cipher("fields"),
                lambda: ring.mac("audit", b"m")):
        with pytest.raises(WrongKeyError):
            use()


# -- arbitrary documents round-trip -----------------------------------------------------------------
def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


texts = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)).map(_nfd),  # decomposed Hangul
    st.text(alphabet=st.sampled_from(["👩", "\u200d", "👧", "🏳", "\ufe0f", "🌈", "🇰", "🇷", "🏽", "김"])),
    st.text(alphabet=st.characters(codec=None, categories=["Cs", "Cc", "Cf", "Lo"])),  # incl. lone surrogates
)
json_documents = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**200), 2**200)
    | st.floats(allow_nan=False, allow_infinity=False) | texts,
    lambda children: st.lists(children, max_size=6) | st.dictionaries(texts, children, max_size=6),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=json_documents, version=st.integers(1, 2**31))
def test_any_json_document_round_trips_exactly(document, version):
    sealer = Sealer(FieldCipher(KEY))
    blob = sealer.seal("session_note", ROW, version, document, owner=CASE)
    restored = sealer.open("session_note", ROW, version, blob, owner=CASE)
    assert restored == document
    assert json.dumps(restored, ensure_ascii=True) == json.dumps(document, ensure_ascii=True)  # NFD stays NFD here
    with pytest.raises(TamperedError):
        sealer.open("session_note", ROW, version + 1, blob, owner=CASE)


def test_a_child_row_moved_to_another_owner_fails():
    sealer = Sealer(FieldCipher(KEY))
    blob = sealer.seal("session_note", ROW, 1, DOC, owner=CASE)
    with pytest.raises(TamperedError):
        sealer.open("session_note", ROW, 1, blob, owner="44444444-4444-4444-8444-444444444444")


def test_sealing_a_child_row_without_its_owner_is_a_programming_error():
    sealer = Sealer(FieldCipher(KEY))
    with pytest.raises(ValueError):
        sealer.seal("session_note", ROW, 1, DOC)
    with pytest.raises(ValueError):
        sealer.seal("person", ROW, 1, DOC, owner=CASE)


@pytest.mark.parametrize("change", [{"memory_kib": 4 * 1024 * 1024}, {"iterations": 10_000}, {"lanes": 0}])
def test_a_slot_asking_for_absurd_kdf_costs_is_refused_before_deriving(change):
    from dataclasses import replace

    from intake_desktop.crypto import kdf
    from intake_desktop.crypto.errors import WeakParametersError

    params = replace(kdf.new_params(), **change)
    with pytest.raises(WeakParametersError):
        kdf.derive_key(b"passphrase", params)
