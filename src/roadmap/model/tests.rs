use super::*;
use crate::roadmap::fields::Key;

fn sp<T>(value: T) -> Option<Sp<T>> {
    Some(Sp::new(value, Span::default()))
}

/// A file of a million initiatives with only an `id` must load in well
/// under 1 GiB (issue #19): 160 bytes each is 160 MB for the vector, and the
/// ids' strings besides. The optional keys inline made one about 700 bytes.
#[test]
fn an_initiative_without_optional_keys_is_small() {
    let size = std::mem::size_of::<Initiative>();
    assert!(size <= 160, "an initiative is {size} bytes");
}

#[test]
fn an_initiative_without_optional_keys_reads_them_empty() {
    let ini = Initiative {
        id: sp("i1".to_string()),
        ..Initiative::default()
    };
    assert!(ini.extra.is_none());
    assert!(ini.cost.is_none());
    assert!(ini.owner.as_ref().is_none());
    assert!(ini.quotes.is_empty());
    assert!(!ini.has_quotes_key);
    // Reading allocates nothing.
    assert!(ini.extra.is_none());
}

#[test]
fn writing_an_optional_key_allocates_and_keeps_it() {
    let mut ini = Initiative {
        id: sp("i1".to_string()),
        ..Initiative::default()
    };
    assert!(ini.extra.is_none());
    ini.cost = sp(crate::money::Money(500));
    assert!(ini.extra.is_some());
    assert_eq!(
        ini.cost.as_ref().map(|c| c.value),
        Some(crate::money::Money(500))
    );
    ini.quotes.push(Quote::default());
    assert_eq!(ini.quotes.len(), 1);
    // The first write's value survives the second, and a clone keeps both.
    let copy = ini.clone();
    assert_eq!(
        copy.cost.as_ref().map(|c| c.value),
        Some(crate::money::Money(500))
    );
    assert_eq!(copy.quotes.len(), 1);
    // Another initiative still reads them empty: the shared empty value was
    // never written.
    assert!(Initiative::default().cost.is_none());
    assert!(Initiative::default().quotes.is_empty());
}

#[test]
fn the_debug_form_lists_every_key_at_the_top() {
    let mut ini = Initiative {
        id: sp("i1".to_string()),
        ..Initiative::default()
    };
    ini.owner = sp("ak".to_string());
    let text = format!("{ini:#?}");
    for key in InitiativeKey::ALL {
        assert!(
            text.contains(&format!("\n    {}: ", key.name())),
            "`{}` is missing from {text}",
            key.name()
        );
    }
    assert!(!text.contains("extra"), "{text}");
}
