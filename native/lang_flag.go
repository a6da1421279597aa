package main

import (
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"icmplab/codec/dissect"
)

// langFlag adds --lang to a command's flag table, with what the language
// applies to and the output that stays English in its usage line: decode
// and story word their text alike, and their JSON never changes.
func langFlag(fl *pflag.FlagSet, p *string, appliesTo, staysEnglish string) {
	fl.StringVar(p, "lang", "en", "`language` of "+appliesTo+": en, ko ("+staysEnglish+" stays English)")
	fl.SetAnnotation("lang", annValues, []string{"en", "ko"})
}

// parseLang reads --lang's value as codec knows languages; a bad one is
// a usage error of cmd, exit code and all.
func parseLang(cmd, s string, stderr io.Writer) (dissect.Lang, int, bool) {
	l, ok := dissect.ParseLang(s)
	if !ok {
		return l, usageFail(stderr, cmd, fmt.Sprintf("unknown language %q (en, ko)", s)), false
	}
	return l, 0, true
}
