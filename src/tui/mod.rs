//! The reader app. (Being built: see the reader issue.)

use anyhow::Result;

use crate::library::Library;

pub fn run(_lib: Library) -> Result<()> {
    anyhow::bail!("the reader is not built yet; use `parallax list` and `parallax show ID`")
}
