//! A small raw Deflate (RFC 1951) encoder for the package's parts.
//!
//! The parts are XML of a few KiB to a few hundred KiB. General-purpose compressors (zlib-rs,
//! miniz_oxide) set up and clear 150-300 KiB of tables for every stream, which costs more than
//! compressing such a part. Here the tables are sized to the input: LZ77 with hash chains and
//! one-step lazy matching (the parameters of zlib's level 6), then one block with dynamic
//! Huffman codes. The output is the same for the same input, always.

/// Shortest match Deflate can code.
const MIN_MATCH: usize = 3;
/// Bytes hashed to find match candidates: four, not three, as XML repeats so many short
/// sequences (`<w:`, `"/>`) that three-byte chains grow long and slow for little gain.
const HASH_LEN: usize = 4;
/// Longest match Deflate can code.
const MAX_MATCH: usize = 258;
/// How far back a match may start.
const WINDOW: usize = 32 * 1024;
/// Candidates tried per position (zlib level 6: 128).
const MAX_CHAIN: u32 = 32;
/// A match this long is taken at once (zlib level 6: 128).
const NICE: usize = 128;
/// A match this long is not checked against the next position's (zlib level 6: 16).
const MAX_LAZY: usize = 16;
/// No position in a hash chain (chains hold positions plus one, so tables start zeroed).
const NONE: u32 = 0;
/// Marks a match in the symbol list (literals are below 256).
const MATCH: u32 = 1 << 31;

const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEN_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
/// The order in which code-length code lengths are sent.
const CL_ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// Appends `data` as one complete raw Deflate stream to `out`.
#[cfg(test)]
fn compress(data: &[u8], out: &mut Vec<u8>) {
    Deflater::default().compress(data, out);
}

/// The encoder's tables, kept from one part to the next so only the hash heads need clearing.
#[derive(Default)]
pub(super) struct Deflater {
    head: Vec<u32>,
    prev: Vec<u32>,
    symbols: Vec<u32>,
}

impl Deflater {
    /// Appends `data` as one complete raw Deflate stream to `out`.
    pub(super) fn compress(&mut self, data: &[u8], out: &mut Vec<u8>) {
        lz77(data, &mut self.head, &mut self.prev, &mut self.symbols);
        encode(data, &self.symbols, out);
    }
}

/// Writes `symbols` (the LZ77 parse of `data`) as one final dynamic-Huffman block.
fn encode(data: &[u8], symbols: &[u32], out: &mut Vec<u8>) {
    if data.is_empty() {
        // A final block with fixed codes holding only the end-of-block code.
        out.extend_from_slice(&[0x03, 0x00]);
        return;
    }
    let mut lit_freq = [0u32; 286];
    let mut dist_freq = [0u32; 30];
    for &s in symbols {
        if s & MATCH == 0 {
            lit_freq[s as usize] += 1;
        } else {
            let (len, dist) = unpack(s);
            lit_freq[257 + len_code(len)] += 1;
            dist_freq[dist_code(dist)] += 1;
        }
    }
    lit_freq[256] = 1;
    // Every tree gets at least two codes, so each is a complete prefix code.
    at_least_two(&mut dist_freq);
    let lit_len = code_lengths(&lit_freq, 15);
    let dist_len = code_lengths(&dist_freq, 15);
    let lit_code = codes(&lit_len);
    let dist_code_of = codes(&dist_len);

    let hlit = 257.max(last_used(&lit_len));
    let hdist = 1.max(last_used(&dist_len));
    let mut all = Vec::with_capacity(hlit + hdist);
    all.extend_from_slice(&lit_len[..hlit]);
    all.extend_from_slice(&dist_len[..hdist]);
    let runs = run_lengths(&all);
    let mut cl_freq = [0u32; 19];
    for &(sym, _) in &runs {
        cl_freq[sym as usize] += 1;
    }
    at_least_two(&mut cl_freq);
    let cl_len = code_lengths(&cl_freq, 7);
    let cl_code = codes(&cl_len);
    let hclen = 4.max(
        CL_ORDER
            .iter()
            .rposition(|&i| cl_len[i] != 0)
            .map_or(0, |p| p + 1),
    );

    let mut w = Bits { out, acc: 0, n: 0 };
    w.put(1, 1); // final block
    w.put(2, 2); // dynamic Huffman codes
    w.put((hlit - 257) as u32, 5);
    w.put((hdist - 1) as u32, 5);
    w.put((hclen - 4) as u32, 4);
    for &i in &CL_ORDER[..hclen] {
        w.put(u32::from(cl_len[i]), 3);
    }
    for &(sym, extra) in &runs {
        let s = sym as usize;
        w.put(cl_code[s], u32::from(cl_len[s]));
        match sym {
            16 => w.put(u32::from(extra), 2),
            17 => w.put(u32::from(extra), 3),
            18 => w.put(u32::from(extra), 7),
            _ => {}
        }
    }
    for &s in symbols {
        if s & MATCH == 0 {
            let s = s as usize;
            w.put(lit_code[s], u32::from(lit_len[s]));
        } else {
            let (len, dist) = unpack(s);
            let lc = len_code(len);
            w.put(lit_code[257 + lc], u32::from(lit_len[257 + lc]));
            w.put(u32::from(len - LEN_BASE[lc]), u32::from(LEN_EXTRA[lc]));
            let dc = dist_code(dist);
            w.put(dist_code_of[dc], u32::from(dist_len[dc]));
            w.put(u32::from(dist - DIST_BASE[dc]), u32::from(DIST_EXTRA[dc]));
        }
    }
    w.put(lit_code[256], u32::from(lit_len[256]));
    w.flush();
}

/// LSB-first bit output.
struct Bits<'a> {
    out: &'a mut Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits<'_> {
    fn put(&mut self, value: u32, bits: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    fn flush(&mut self) {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.acc = 0;
        self.n = 0;
    }
}

fn pack(len: usize, dist: usize) -> u32 {
    MATCH | ((len as u32) << 16) | dist as u32
}

fn unpack(s: u32) -> (u16, u16) {
    (((s & !MATCH) >> 16) as u16, (s & 0xFFFF) as u16)
}

fn len_code(len: u16) -> usize {
    LEN_BASE.partition_point(|&b| b <= len) - 1
}

fn dist_code(dist: u16) -> usize {
    DIST_BASE.partition_point(|&b| b <= dist) - 1
}

fn last_used(lengths: &[u8]) -> usize {
    lengths.iter().rposition(|&l| l != 0).map_or(0, |p| p + 1)
}

fn at_least_two(freq: &mut [u32]) {
    for i in 0..freq.len() {
        if freq.iter().filter(|&&f| f > 0).count() >= 2 {
            break;
        }
        if freq[i] == 0 {
            freq[i] = 1;
        }
    }
}

/// The input as literals and (length, distance) matches.
fn lz77(data: &[u8], head: &mut Vec<u32>, prev: &mut Vec<u32>, symbols: &mut Vec<u32>) {
    let n = data.len();
    // About one hash slot per input byte, between 2^8 and 2^15.
    let bits = (usize::BITS - n.leading_zeros()).clamp(8, 15);
    head.clear();
    head.resize(1 << bits, NONE);
    // Every position is written before it is read (it joins a chain before it can be in
    // one), so old contents may stay.
    if prev.len() < n {
        prev.resize(n, NONE);
    }
    symbols.clear();
    let mut m = Matcher {
        data,
        head,
        prev,
        shift: 32 - bits,
    };
    // A match found at i - 1 whose literal is still unsent.
    let mut pending: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < n {
        let (len, dist) = if i + HASH_LEN <= n {
            m.find_and_insert(i)
        } else {
            (0, 0)
        };
        if let Some((plen, pdist)) = pending.take() {
            if plen >= len {
                symbols.push(pack(plen, pdist));
                let end = i - 1 + plen;
                for j in i + 1..end.min(n + 1 - HASH_LEN) {
                    m.insert(j);
                }
                i = end;
                continue;
            }
            symbols.push(u32::from(data[i - 1]));
        }
        if len >= MIN_MATCH {
            if len >= MAX_LAZY {
                symbols.push(pack(len, dist));
                for j in i + 1..(i + len).min(n + 1 - HASH_LEN) {
                    m.insert(j);
                }
                i += len;
            } else {
                pending = Some((len, dist));
                i += 1;
            }
        } else {
            symbols.push(u32::from(data[i]));
            i += 1;
        }
    }
    if let Some((plen, pdist)) = pending {
        symbols.push(pack(plen, pdist));
    }
}

/// Hash chains over the input: `head` by hash of three bytes, `prev` by position.
struct Matcher<'a> {
    data: &'a [u8],
    head: &'a mut [u32],
    prev: &'a mut [u32],
    shift: u32,
}

impl Matcher<'_> {
    fn hash(&self, i: usize) -> usize {
        let d = self.data;
        let v = u32::from_le_bytes([d[i], d[i + 1], d[i + 2], d[i + 3]]);
        (v.wrapping_mul(0x9E37_79B1) >> self.shift) as usize
    }

    fn insert(&mut self, i: usize) {
        let h = self.hash(i);
        self.prev[i] = self.head[h];
        self.head[h] = i as u32 + 1;
    }

    /// The longest earlier match for position `i` (length 0 if none of at least 3); then
    /// `i` joins its hash chain.
    fn find_and_insert(&mut self, i: usize) -> (usize, usize) {
        let d = self.data;
        let h = self.hash(i);
        let max = MAX_MATCH.min(d.len() - i);
        let (mut best, mut best_dist) = (MIN_MATCH - 1, 0);
        let mut cand = self.head[h];
        self.prev[i] = cand;
        self.head[h] = i as u32 + 1;
        let mut chain = MAX_CHAIN;
        while cand != NONE && chain > 0 {
            let c = cand as usize - 1;
            if i - c > WINDOW {
                break;
            }
            if d[c + best] == d[i + best] {
                let len = match_len(d, c, i, max);
                if len > best {
                    best = len;
                    best_dist = i - c;
                    if len >= NICE.min(max) {
                        break;
                    }
                }
            }
            cand = self.prev[c];
            chain -= 1;
        }
        if best >= MIN_MATCH {
            (best, best_dist)
        } else {
            (0, 0)
        }
    }
}

/// How many bytes from `a` and `b` (`a < b`) agree, up to `max` (`b + max` is in bounds).
fn match_len(d: &[u8], a: usize, b: usize, max: usize) -> usize {
    let mut l = 0;
    while l + 8 <= max {
        let x = u64::from_le_bytes(d[a + l..a + l + 8].try_into().unwrap_or([0; 8]));
        let y = u64::from_le_bytes(d[b + l..b + l + 8].try_into().unwrap_or([0; 8]));
        if x != y {
            return l + ((x ^ y).trailing_zeros() / 8) as usize;
        }
        l += 8;
    }
    while l < max && d[a + l] == d[b + l] {
        l += 1;
    }
    l
}

/// Huffman code lengths for `freq`, none longer than `limit`. Symbols of frequency 0 get 0.
fn code_lengths(freq: &[u32], limit: u8) -> Vec<u8> {
    let mut freq = freq.to_vec();
    loop {
        let lengths = huffman(&freq);
        if lengths.iter().all(|&l| l <= limit) {
            return lengths;
        }
        // Flatten the distribution and try again; all-equal weights give a balanced tree.
        for f in &mut freq {
            if *f > 1 {
                *f = f.div_ceil(2);
            }
        }
    }
}

/// Unlimited Huffman code lengths (two-queue construction over the leaves sorted by
/// frequency, then symbol, so the result is fixed).
fn huffman(freq: &[u32]) -> Vec<u8> {
    let mut lengths = vec![0u8; freq.len()];
    let mut leaves: Vec<(u32, usize)> = freq
        .iter()
        .enumerate()
        .filter(|&(_, &f)| f > 0)
        .map(|(s, &f)| (f, s))
        .collect();
    leaves.sort_unstable();
    match leaves.len() {
        0 => return lengths,
        1 => {
            lengths[leaves[0].1] = 1;
            return lengths;
        }
        _ => {}
    }
    // Nodes: leaves first (0..k), then internal nodes in the order they are made, which is
    // also non-decreasing weight, so the internal nodes form the second queue.
    let k = leaves.len();
    let mut weight: Vec<u64> = leaves.iter().map(|&(f, _)| u64::from(f)).collect();
    let mut parent = vec![usize::MAX; 2 * k - 1];
    let (mut next_leaf, mut next_node) = (0, k);
    let take = |weight: &Vec<u64>, next_leaf: &mut usize, next_node: &mut usize| {
        if *next_leaf < k
            && (*next_node >= weight.len() || weight[*next_leaf] <= weight[*next_node])
        {
            *next_leaf += 1;
            *next_leaf - 1
        } else {
            *next_node += 1;
            *next_node - 1
        }
    };
    for node in k..2 * k - 1 {
        let a = take(&weight, &mut next_leaf, &mut next_node);
        let b = take(&weight, &mut next_leaf, &mut next_node);
        weight.push(weight[a] + weight[b]);
        parent[a] = node;
        parent[b] = node;
    }
    // Parents come after their children: walk down from the root.
    let mut depth = vec![0u8; 2 * k - 1];
    for node in (0..2 * k - 2).rev() {
        depth[node] = depth[parent[node]].saturating_add(1);
    }
    for (leaf, &(_, s)) in leaves.iter().enumerate() {
        lengths[s] = depth[leaf];
    }
    lengths
}

/// Canonical codes for `lengths`, bit-reversed for LSB-first output.
fn codes(lengths: &[u8]) -> Vec<u32> {
    let mut count = [0u32; 16];
    for &l in lengths {
        count[usize::from(l)] += 1;
    }
    count[0] = 0;
    let mut next = [0u32; 16];
    let mut code = 0;
    for bits in 1..16 {
        code = (code + count[bits - 1]) << 1;
        next[bits] = code;
    }
    lengths
        .iter()
        .map(|&l| {
            if l == 0 {
                return 0;
            }
            let c = next[usize::from(l)];
            next[usize::from(l)] += 1;
            c.reverse_bits() >> (32 - u32::from(l))
        })
        .collect()
}

/// The code-length sequence as code-length symbols (0-18) with their extra-bit values.
fn run_lengths(lengths: &[u8]) -> Vec<(u8, u8)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lengths.len() {
        let l = lengths[i];
        let run = lengths[i..].iter().take_while(|&&x| x == l).count();
        if l == 0 && run >= 3 {
            let mut left = run;
            while left >= 11 {
                let k = left.min(138);
                out.push((18, (k - 11) as u8));
                left -= k;
            }
            if left >= 3 {
                out.push((17, (left - 3) as u8));
                left = 0;
            }
            out.extend(std::iter::repeat_n((0, 0), left));
        } else if l != 0 && run >= 4 {
            out.push((l, 0));
            let mut left = run - 1;
            while left >= 3 {
                let k = left.min(6);
                out.push((16, (k - 3) as u8));
                left -= k;
            }
            out.extend(std::iter::repeat_n((l, 0), left));
        } else {
            out.extend(std::iter::repeat_n((l, 0), run));
        }
        i += run;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn inflate(z: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::DeflateDecoder::new(z)
            .read_to_end(&mut out)
            .expect("a valid Deflate stream");
        out
    }

    fn round_trip(data: &[u8]) -> usize {
        let mut z = Vec::new();
        compress(data, &mut z);
        assert_eq!(inflate(&z), data, "round trip of {} bytes", data.len());
        z.len()
    }

    /// A fixed pseudo-random byte sequence.
    fn noise(n: usize, seed: u64, alphabet: u8) -> Vec<u8> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                ((x >> 33) % u64::from(alphabet)) as u8
            })
            .collect()
    }

    #[test]
    fn edge_cases_round_trip() {
        for data in [
            &b""[..],
            b"a",
            b"ab",
            b"aaa",
            b"aaaa",
            b"abcabcabcabc",
            &[0u8; 1000],
            &[7u8; 70_000],
        ] {
            round_trip(data);
        }
    }

    #[test]
    fn random_and_repetitive_data_round_trip() {
        for (n, alphabet) in [(1, 2), (100, 2), (5000, 4), (40_000, 26), (100_000, 255)] {
            round_trip(&noise(n, n as u64, alphabet));
        }
        // Long-range repeats beyond the window, and runs of every length.
        let block = noise(20_000, 9, 200);
        let mut data = block.clone();
        data.extend(noise(20_000, 10, 200));
        data.extend(&block);
        for k in 1..300 {
            data.extend(std::iter::repeat_n(b'x', k));
            data.push(b'y');
        }
        round_trip(&data);
        // Every byte value, so the literal tree is full and codes get long.
        let skewed: Vec<u8> = (0..=255u8)
            .flat_map(|b| std::iter::repeat_n(b, 1 + (b as usize % 17) * (b as usize)))
            .collect();
        round_trip(&skewed);
    }

    #[test]
    fn one_deflater_serves_many_streams() {
        // Large, then small, then large again: stale chain entries must not leak across.
        let mut d = Deflater::default();
        let inputs = [
            noise(50_000, 1, 3),
            noise(300, 2, 3),
            Vec::new(),
            noise(50_000, 1, 3),
            noise(70_000, 3, 5),
        ];
        for data in &inputs {
            let mut z = Vec::new();
            d.compress(data, &mut z);
            assert_eq!(&inflate(&z), data);
            let mut fresh = Vec::new();
            compress(data, &mut fresh);
            assert_eq!(z, fresh, "the same bytes as a fresh encoder");
        }
    }

    #[test]
    fn xml_compresses_like_zlib() {
        let xml: String = (0..400)
            .map(|i| {
                format!(r#"<w:p><w:pPr><w:pStyle w:val="Body{}"/></w:pPr><w:r><w:t xml:space="preserve">Paragraph {i} of the text.</w:t></w:r></w:p>"#, i % 7)
            })
            .collect();
        let ours = round_trip(xml.as_bytes());
        let mut zlib = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::new(6));
        std::io::Write::write_all(&mut zlib, xml.as_bytes()).unwrap();
        let theirs = zlib.finish().unwrap().len();
        assert!(ours * 100 <= theirs * 110, "ours {ours} vs zlib {theirs}");
    }

    #[test]
    fn code_lengths_respect_the_limit() {
        // Fibonacci frequencies give the deepest unlimited tree.
        let mut f = vec![1u32, 1];
        while f.len() < 30 {
            f.push(f[f.len() - 1] + f[f.len() - 2]);
        }
        let l = code_lengths(&f, 15);
        assert!(l.iter().all(|&x| (1..=15).contains(&x)));
        // Kraft: a complete code.
        let kraft: f64 = l.iter().map(|&x| 0.5f64.powi(i32::from(x))).sum();
        assert!((kraft - 1.0).abs() < 1e-9);
    }
}
