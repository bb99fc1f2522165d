//! `Lists`: many short lists of integers in one buffer (offsets + values), instead of a `Vec`
//! per entry: one allocation, no pointer to follow, a quarter of the memory for short lists.

/// List `i` is `values[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lists {
    offsets: Vec<u32>,
    values: Vec<u32>,
}

impl Default for Lists {
    fn default() -> Self {
        Lists { offsets: vec![0], values: Vec::new() }
    }
}

impl Lists {
    /// Empty, with room for `lists` lists holding `values` values in all.
    pub fn with_capacity(lists: usize, values: usize) -> Lists {
        let mut offsets = Vec::with_capacity(lists + 1);
        offsets.push(0);
        Lists { offsets, values: Vec::with_capacity(values) }
    }

    /// Appends a list.
    pub fn push(&mut self, list: impl IntoIterator<Item = u32>) {
        self.values.extend(list);
        self.offsets.push(self.values.len() as u32);
    }

    /// List `i`.
    #[inline]
    pub fn get(&self, i: usize) -> &[u32] {
        &self.values[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// Where list `i` starts and ends in `all()`.
    #[inline]
    pub fn span(&self, i: usize) -> (u32, u32) {
        (self.offsets[i], self.offsets[i + 1])
    }

    /// How many lists.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every value of every list, list after list.
    #[inline]
    pub fn all(&self) -> &[u32] {
        &self.values
    }

    /// The lists in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u32]> + '_ {
        self.offsets.windows(2).map(|w| &self.values[w[0] as usize..w[1] as usize])
    }

    /// Lists made of their offsets (`offsets[0] == 0`, ascending, the last one
    /// `values.len()`) and their values, without copying.
    pub(crate) fn from_parts(offsets: Vec<u32>, values: Vec<u32>) -> Lists {
        debug_assert!(offsets.first() == Some(&0) && offsets.last().map(|&l| l as usize) == Some(values.len()));
        Lists { offsets, values }
    }

    /// Changes every list in place.
    pub(crate) fn for_each_mut(&mut self, mut change: impl FnMut(&mut [u32])) {
        for w in self.offsets.windows(2) {
            change(&mut self.values[w[0] as usize..w[1] as usize]);
        }
    }

    /// Bytes held (capacity), for memory reports.
    pub fn heap_bytes(&self) -> usize {
        (self.offsets.capacity() + self.values.capacity()) * 4
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.offsets.shrink_to_fit();
        self.values.shrink_to_fit();
    }
}
