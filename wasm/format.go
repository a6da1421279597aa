package main

import (
	"encoding/hex"
	"errors"
	"strings"

	"icmplab/codec/textdump"
)

// formatAs renders packet bytes (hex) in a dump dialect, for the page's
// "copy as": what textdump.Format prints, textdump.Parse reads back.
func formatAs(hexBytes, dialect string) (string, error) {
	d, ok := textdump.ParseDialect(dialect)
	if !ok {
		return "", errors.New("unknown format " + quote(dialect))
	}
	b, err := hex.DecodeString(strings.TrimSpace(hexBytes))
	if err != nil {
		return "", errors.New("bytes must be hex: " + err.Error())
	}
	if len(b) == 0 {
		return "", errEmpty
	}
	return textdump.Format(d, b), nil
}
