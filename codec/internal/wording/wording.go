// Package wording words a catalogue entry in English or Korean: the
// reasons of codec's parse errors (Phrase), of textdump's syntax errors and
// of capture's format errors are each a kind, a few numbers and a few words,
// written from one table of Texts, so that a program compares kinds and a
// person reads either language with the same numbers.
package wording

import "fmt"

// Text is one entry of a catalogue: a fmt format in English, then in
// Korean, taking the numbers as %[1]d to %[3]d and the words as %[4]s and
// %[5]s (the Korean with its own order where Korean word order differs).
// It is a pair rather than a struct so that the catalogues' long tables
// stay one {English, Korean} line an entry.
type Text [2]string

// In is the format in Korean when ko, else in English.
func (t Text) In(ko bool) string {
	if ko {
		return t[1]
	}
	return t[0]
}

// Format fills format f with three numbers and two words. Every entry gets
// all five; the empty sixth argument, named last, tells fmt that those an
// entry leaves unused are meant to be.
func Format[N int | int64](f string, n [3]N, s [2]string) string {
	return fmt.Sprintf(f+"%[6]s", n[0], n[1], n[2], s[0], s[1], "")
}
