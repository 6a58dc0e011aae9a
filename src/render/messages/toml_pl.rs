//! The TOML parser's own words (English, from the `toml` crate) in Polish.
//!
//! The parser says `<what is wrong>, expected <a, b, …>` on its first line.
//! Each known description and each expected item is looked up here; a line
//! with any part this table does not know is not half translated: the
//! caller then says only that the syntax is wrong and quotes the parser in
//! a help line, marked as its words.

/// The Polish of the parser's first line, or `None` when a part of it is
/// not known.
pub(super) fn translate(first: &str) -> Option<String> {
    let (what, expected) = match first.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (first, None),
    };
    let what = description(what)?;
    let Some(expected) = expected else {
        return Some(what.to_string());
    };
    if expected == "nothing" {
        return Some(format!("{what}; w tym miejscu nie powinno być nic więcej"));
    }
    let items: Option<Vec<&str>> = expected.split(", ").map(item).collect();
    Some(format!("{what}; oczekiwano: {}", items?.join(", ")))
}

fn item(e: &str) -> Option<&str> {
    if e.len() > 2 && e.starts_with('`') && e.ends_with('`') {
        return Some(e);
    }
    Some(match e {
        "newline" => "końca wiersza",
        "key" => "klucza",
        "value" => "wartości",
        "literal string" => "tekstu w apostrofach",
        "basic string" => "tekstu w cudzysłowie",
        "numbers" => "cyfr",
        "letters" => "liter",
        "unicode hexadecimal value" => "szesnastkowego kodu Unicode",
        _ => return None,
    })
}

fn description(d: &str) -> Option<&'static str> {
    Some(match d {
        "string values must be quoted" => "tekst trzeba ująć w cudzysłów",
        "unexpected key or value" => "nieoczekiwany klucz lub wartość",
        "extra `=`" => "zbędny znak `=`",
        "carriage return must be followed by newline" => {
            "po znaku powrotu karetki (CR) musi być znak nowego wiersza"
        }
        "missing opening quote" => "brak cudzysłowu otwierającego",
        "missing comma between array elements" => "brak przecinka między elementami tablicy",
        "integers with a radix cannot be signed" => {
            "liczba z prefiksem podstawy (0x, 0o, 0b) nie może mieć znaku"
        }
        "radix must be lowercase" => "prefiks podstawy (0x, 0o, 0b) pisze się małą literą",
        "missing assignment between key-value pairs" => "brak `=` między kluczem a wartością",
        "unexpected leading zero" => "liczba nie może zaczynać się od zera",
        "unclosed array table" => "niezamknięty nagłówek [[…]]",
        "missing key for inline table element" => "brak klucza w elemencie tabeli { … }",
        "missing inline table opening" => "brak otwierającego `{`",
        "missing escaped value" => "brak znaku po `\\`",
        "missing array opening" | "missing table open" => "brak otwierającego `[`",
        "invalid unquoted key" => "niepoprawny klucz bez cudzysłowu",
        "cannot recurse further; max recursion depth met" => "zbyt głębokie zagnieżdżenie",
        "unquoted keys cannot be empty" => "klucz bez cudzysłowu nie może być pusty",
        "unexpected sign" => "nieoczekiwany znak liczby",
        "unexpected content" => "nieoczekiwana treść",
        "unexpected content between comment and newline" => {
            "nieoczekiwana treść między komentarzem a końcem wiersza"
        }
        "unexpected `=` in array" => "nieoczekiwany znak `=` w tablicy",
        "unclosed table" => "niezamknięty nagłówek […]",
        "unclosed inline table" => "niezamknięta tabela { … }",
        "unclosed array" => "niezamknięta tablica [ … ]",
        "too few unicode value digits" => "za mało cyfr kodu Unicode",
        "redundant numeric sign" => "zbędny znak liczby",
        "redundant integer number prefix" => "zbędny prefiks liczby",
        "missing value" => "brak wartości",
        "missing value for key" => "brak wartości klucza",
        "missing comment start" => "brak `#` na początku komentarza",
        "missing comma between key-value pairs" => "brak przecinka między parami klucz = wartość",
        "keys cannot be multi-line literal strings" | "keys cannot be multi-line basic strings" => {
            "klucz nie może być tekstem wielowierszowym"
        }
        "key with no value" => "klucz bez wartości",
        "invalid value" => "niepoprawna wartość",
        "invalid key-value pair" => "niepoprawna para klucz = wartość",
        "invalid inline table element" => "niepoprawny element tabeli { … }",
        "invalid comment character" => "niedozwolony znak w komentarzu",
        "extra comma in inline table" => "zbędny przecinek w tabeli { … }",
        "extra comma in array" => "zbędny przecinek w tablicy",
        "extra assignment between key-value pairs" => "zbędny znak `=` między parami",
        "`_` may only go between digits" => "`_` może stać tylko między cyframi",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn the_cases_lines() {
        assert_eq!(
            translate("extra `=`, expected nothing").as_deref(),
            Some("zbędny znak `=`; w tym miejscu nie powinno być nic więcej")
        );
        assert_eq!(
            translate("unexpected key or value, expected newline, `#`").as_deref(),
            Some("nieoczekiwany klucz lub wartość; oczekiwano: końca wiersza, `#`")
        );
        assert_eq!(
            translate("string values must be quoted").as_deref(),
            Some("tekst trzeba ująć w cudzysłów")
        );
    }

    #[test]
    fn unknown_parts_are_not_half_translated() {
        assert_eq!(translate("duplicate key `a`"), None);
        assert_eq!(translate("invalid value, expected something new"), None);
    }
}
