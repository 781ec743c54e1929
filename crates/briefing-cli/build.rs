//! Links the `briefing` binary as a fixed-address (non-PIE) executable on Linux.
//!
//! A position-independent executable is relocated by the dynamic loader at every start:
//! about 25,000 relocations for this binary (string tables of the HTML parser, entity
//! tables, vtables), which cost a millisecond before `main`, a third of a whole small
//! render. Linked at a fixed address they are resolved once, by the linker. The program
//! forbids `unsafe` code, so address randomization of its own image buys little; the
//! shared libraries it loads are still randomized.
//!
//! Set `BRIEFING_PIE=1` to keep the default position-independent link.

fn main() {
    println!("cargo:rerun-if-env-changed=BRIEFING_PIE");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let pie = std::env::var_os("BRIEFING_PIE").is_some_and(|v| v != "0");
    if os == "linux" && env == "gnu" && !pie {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
