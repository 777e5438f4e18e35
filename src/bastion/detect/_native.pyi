"""Types of the optional C scoring kernel (``_native.c``; see that file for the contract)."""

from typing_extensions import Buffer

ABI_VERSION: int

def window_terms(
    raw: bytes,
    char_rows: Buffer,
    sizes: int,
    char_bits: int,
    word_rows: Buffer,
    word_lut: Buffer,
    salt_w1: int,
    salt_w2: int,
    word_bits: int,
    char_pairs: Buffer,
    word_pairs: Buffer,
    st: Buffer,
    en: Buffer,
    out_attack: Buffer,
    out_jailbreak: Buffer,
    /,
) -> None: ...
