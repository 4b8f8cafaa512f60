//! Candidate pairs for fuzzy linking, without comparing every name with
//! every other.
//!
//! Two blocking schemes, both linear in the number of names:
//!
//! - **Rare keys.** Every word of a normalised name, and every word's
//!   consonant skeleton, is a block key. Names sharing a key that at most
//!   [`SMALL_BLOCK`] names hold are all paired: a rare shared word is strong
//!   evidence, and the block is small, so all its pairs are cheap. Larger
//!   blocks (a word like "deal" held by thousands of names) are skipped: they
//!   would make the work quadratic.
//! - **Sorted neighbourhood.** Names are sorted four ways (by the name, by
//!   the name reversed, by the skeleton, by the skeleton reversed), and each
//!   is paired with the next [`WINDOW`] names in each order. Close spellings
//!   share a prefix or a suffix and land near each other in one of these
//!   orders even when every word they hold is common; the skeleton orders
//!   bring an Arabic and a Latin spelling of one name together.
//!
//! A pair of truly similar names can in principle escape both schemes (names
//! made only of common words, differing in the middle, with many names
//! sorting between them). That is the price of not comparing all pairs; a
//! registry alias is the curator's remedy.

use std::collections::HashMap;

/// Blocks up to this size are paired exhaustively.
pub const SMALL_BLOCK: usize = 12;
/// How many following names each name is paired with in each sorted order.
pub const WINDOW: usize = 4;

/// Candidate pairs `(i, j)`, `i < j`, sorted and without repeats, for names
/// `keys[i]` with consonant skeletons `skeletons[i]`. `keys` must be sorted
/// (the atoms are), which saves one of the four sorts.
pub fn candidate_pairs(keys: &[&str], skeletons: &[String]) -> Vec<(u32, u32)> {
    debug_assert!(keys.is_sorted());
    let n = keys.len();
    // The blocks and the three sorts do not depend on one another: they
    // run side by side. The pairs are sorted and deduplicated at the end,
    // so the order they are found in does not matter.
    let (mut pairs, orders) = rayon::join(
        || block_pairs(keys, skeletons),
        || {
            let (by_key_reversed, (by_skeleton, by_skeleton_reversed)) = rayon::join(
                || reversed_order(keys),
                || rayon::join(|| sorted_order(skeletons), || reversed_order(skeletons)),
            );
            [
                (0..n).collect::<Vec<usize>>(),
                by_key_reversed,
                by_skeleton,
                by_skeleton_reversed,
            ]
        },
    );
    for order in orders {
        for (x, &a) in order.iter().enumerate() {
            for &b in order.iter().skip(x + 1).take(WINDOW) {
                push_pair(&mut pairs, a, b);
            }
        }
    }
    sort_pairs(pairs, n)
}

/// Adds the pair of names `a` and `b`, smaller index first, unless they are
/// one name.
fn push_pair(pairs: &mut Vec<(u32, u32)>, a: usize, b: usize) {
    if a != b {
        // Names are fewer than u32::MAX by construction (see `link_names`).
        let (a, b) = (a.min(b) as u32, a.max(b) as u32);
        pairs.push((a, b));
    }
}

/// Every pair of names that share a rare key (a word, or a word's
/// skeleton, held by at most [`SMALL_BLOCK`] names).
fn block_pairs(keys: &[&str], skeletons: &[String]) -> Vec<(u32, u32)> {
    // A block stops growing one past SMALL_BLOCK: it will be skipped, and a
    // word every other name holds would otherwise list them all.
    let mut blocks: Blocks = HashMap::default();
    for (i, (key, skeleton)) in keys.iter().zip(skeletons).enumerate() {
        for word in key.split(' ').filter(|w| !w.is_empty()) {
            add_to_block(&mut blocks, (false, word), i);
        }
        for word in skeleton.split(' ').filter(|w| w.len() >= 2) {
            add_to_block(&mut blocks, (true, word), i);
        }
    }
    let mut pairs = Vec::new();
    for members in blocks.values() {
        if members.len() <= SMALL_BLOCK {
            for (x, &a) in members.iter().enumerate() {
                for &b in &members[x + 1..] {
                    push_pair(&mut pairs, a as usize, b as usize);
                }
            }
        }
    }
    pairs
}

/// The indices of `texts` in byte order of the texts (ties by index).
///
/// Sorted by each text's first 16 bytes packed into a number first, and only
/// texts sharing those compared in full: a sort of 100,000 strings through
/// pointers is mostly cache misses, a sort of packed numbers is not.
pub(super) fn sorted_order<T: AsRef<str>>(texts: &[T]) -> Vec<usize> {
    let prefix = |text: &str| {
        let mut bytes = [0u8; 16];
        let len = text.len().min(16);
        bytes[..len].copy_from_slice(&text.as_bytes()[..len]);
        u128::from_be_bytes(bytes)
    };
    // Zero padding keeps the order of texts whose prefixes differ; equal
    // prefixes (also "ab" against "ab\0") fall back to the full comparison.
    let mut order: Vec<(u128, usize)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (prefix(t.as_ref()), i))
        .collect();
    order.sort_unstable_by(|(pa, a), (pb, b)| {
        pa.cmp(pb)
            .then_with(|| texts[*a].as_ref().cmp(texts[*b].as_ref()))
            .then(a.cmp(b))
    });
    order.into_iter().map(|(_, i)| i).collect()
}

type Blocks<'a> = HashMap<(bool, &'a str), Vec<u32>, NameHasher>;

fn add_to_block<'a>(blocks: &mut Blocks<'a>, key: (bool, &'a str), i: usize) {
    let members = blocks.entry(key).or_default();
    if members.len() <= SMALL_BLOCK {
        // `i < n <= u32::MAX`, as for the pairs.
        members.push(i as u32);
    }
}

/// The indices of `texts` in byte order of the texts read backwards
/// (character by character), ties by index; as [`sorted_order`], without
/// writing the reversed texts out.
fn reversed_order<T: AsRef<str>>(texts: &[T]) -> Vec<usize> {
    let prefix = |text: &str| {
        let mut bytes = [0u8; 16];
        let mut len = 0;
        for c in text.chars().rev() {
            let mut utf8 = [0u8; 4];
            let encoded = c.encode_utf8(&mut utf8).as_bytes();
            let take = encoded.len().min(16 - len);
            bytes[len..len + take].copy_from_slice(&encoded[..take]);
            len += take;
            if len == 16 {
                break;
            }
        }
        u128::from_be_bytes(bytes)
    };
    let mut order: Vec<(u128, usize)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (prefix(t.as_ref()), i))
        .collect();
    // Characters compare as their UTF-8 bytes do, so this is byte order of
    // the reversed texts.
    order.sort_unstable_by(|(pa, a), (pb, b)| {
        pa.cmp(pb)
            .then_with(|| {
                let (ta, tb) = (texts[*a].as_ref(), texts[*b].as_ref());
                ta.chars().rev().cmp(tb.chars().rev())
            })
            .then(a.cmp(b))
    });
    order.into_iter().map(|(_, i)| i).collect()
}

/// The hasher of every table keyed by names or ids in linking: foldhash
/// (the one hasher of the crate, already in the tree through petgraph),
/// with a fixed seed, so a run is repeatable. The standard SipHash, built
/// against adversarial keys, costs more than the lookup; iteration order
/// over the tables never reaches the output (pairs are sorted).
pub(super) type NameHasher = foldhash::fast::FixedState;

/// `pairs` sorted and without repeats, in linear time: bucketed by their
/// first name (a counting sort), then each small bucket sorted on its own.
fn sort_pairs(pairs: Vec<(u32, u32)>, n: usize) -> Vec<(u32, u32)> {
    let mut starts = vec![0usize; n + 1];
    for &(a, _) in &pairs {
        starts[a as usize + 1] += 1;
    }
    for i in 0..n {
        starts[i + 1] += starts[i];
    }
    let mut next = starts.clone();
    let mut seconds = vec![0u32; pairs.len()];
    for &(a, b) in &pairs {
        seconds[next[a as usize]] = b;
        next[a as usize] += 1;
    }
    let mut sorted = Vec::with_capacity(pairs.len());
    for a in 0..n {
        let bucket = &mut seconds[starts[a]..starts[a + 1]];
        bucket.sort_unstable();
        let mut last = None;
        for &b in bucket.iter() {
            if last != Some(b) {
                // `a < n <= u32::MAX`: the pairs' first names are u32 already.
                sorted.push((a as u32, b));
                last = Some(b);
            }
        }
    }
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_shared_words_and_neighbours_are_paired() {
        let keys = ["artilery deal", "artillery deal", "drone deal"];
        let skeletons: Vec<String> = keys
            .iter()
            .map(|k| crate::link::skeleton::skeleton(k))
            .collect();
        let pairs = candidate_pairs(&keys, &skeletons);
        assert!(pairs.contains(&(0, 1)));
    }

    #[test]
    fn orders_and_pairs_match_the_plain_sorts() {
        let texts: Vec<String> = [
            "barak deal with israel and more words",
            "barak deal with israel and more",
            "ab",
            "ab\0",
            "",
            "barak deal with india",
            "ab",
            "صفقه باراك مع الهند والمغرب",
            "صفقه براك مع الهند والمغرب",
            "x صفقه براك مع الهند والمغرب",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut expected: Vec<usize> = (0..texts.len()).collect();
        expected.sort_by(|&a, &b| texts[a].cmp(&texts[b]).then(a.cmp(&b)));
        assert_eq!(sorted_order(&texts), expected);
        let reversed: Vec<String> = texts.iter().map(|t| t.chars().rev().collect()).collect();
        let mut expected: Vec<usize> = (0..texts.len()).collect();
        expected.sort_by(|&a, &b| reversed[a].cmp(&reversed[b]).then(a.cmp(&b)));
        assert_eq!(reversed_order(&texts), expected);

        let pairs = vec![(3, 4), (0, 2), (3, 1), (0, 2), (1, 3), (0, 1)];
        let mut expected = pairs.clone();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(sort_pairs(pairs, 5), expected);
    }

    #[test]
    fn pairs_grow_linearly_when_one_word_is_everywhere() {
        let mut owned: Vec<String> = (0..2000).map(|i| format!("deal number{i}")).collect();
        owned.sort();
        let keys: Vec<&str> = owned.iter().map(String::as_str).collect();
        let skeletons: Vec<String> = keys
            .iter()
            .map(|k| crate::link::skeleton::skeleton(k))
            .collect();
        let pairs = candidate_pairs(&keys, &skeletons);
        assert!(pairs.len() <= keys.len() * (4 * WINDOW + SMALL_BLOCK));
    }
}
