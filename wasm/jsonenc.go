package main

import (
	"encoding"
	"encoding/base64"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"icmplab/codec"
)

// marshal encodes the glue's results as JSON, following encoding/json's
// rules for the kinds they use (struct tags with omitempty, slices, maps with
// string keys, pointers, strings, numbers, booleans). It exists for size:
// encoding/json adds about 175 KB of gzipped wasm, while the reflection this
// needs is already linked for fmt. The tests check it against encoding/json.
// Types that define their own JSON (json.Marshaler, as codec/story's
// exchanges do) or text (encoding.TextMarshaler, as dissect's DiffKind does)
// are written as they say, as encoding/json would.
func marshal(v any) string {
	return string(appendJSON(make([]byte, 0, 1024), reflect.ValueOf(v)))
}

// jsonMarshaler is encoding/json's Marshaler, named here so the glue need
// not import encoding/json for it.
type jsonMarshaler interface{ MarshalJSON() ([]byte, error) }

func appendJSON(b []byte, v reflect.Value) []byte {
	if v.IsValid() && v.CanInterface() && !(v.Kind() == reflect.Pointer && v.IsNil()) && !(v.Kind() == reflect.Interface && v.IsNil()) {
		switch m := v.Interface().(type) {
		case jsonMarshaler:
			if out, err := m.MarshalJSON(); err == nil {
				return append(b, out...)
			}
		case encoding.TextMarshaler:
			if t, err := m.MarshalText(); err == nil {
				return appendString(b, string(t))
			}
		}
	}
	switch v.Kind() {
	case reflect.Invalid:
		return append(b, "null"...)
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return append(b, "null"...)
		}
		return appendJSON(b, v.Elem())
	case reflect.Struct:
		return appendStruct(b, v)
	case reflect.Slice:
		if v.IsNil() {
			return append(b, "null"...)
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b = append(b, '"')
			b = base64.StdEncoding.AppendEncode(b, v.Bytes())
			return append(b, '"')
		}
		fallthrough
	case reflect.Array:
		b = append(b, '[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSON(b, v.Index(i))
		}
		return append(b, ']')
	case reflect.Map:
		if v.IsNil() {
			return append(b, "null"...)
		}
		if v.Type().Key().Kind() != reflect.String {
			return append(b, "null"...) // the glue never returns such a map
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k.String())
			b = append(b, ':')
			b = appendJSON(b, v.MapIndex(k))
		}
		return append(b, '}')
	case reflect.String:
		return appendString(b, v.String())
	case reflect.Bool:
		return strconv.AppendBool(b, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.AppendUint(b, v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return append(b, "null"...)
		}
		return strconv.AppendFloat(b, f, 'g', -1, 64)
	}
	return append(b, "null"...)
}

func appendStruct(b []byte, v reflect.Value) []byte {
	t := v.Type()
	b = append(b, '{')
	first := true
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		fv := v.Field(i)
		if strings.Contains(opts, "omitempty") && isEmptyValue(fv) {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendString(b, name)
		b = append(b, ':')
		b = appendJSON(b, fv)
	}
	return append(b, '}')
}

// isEmptyValue is encoding/json's omitempty test.
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// appendString quotes s as a JSON string; invalid UTF-8 becomes U+FFFD, as
// encoding/json does.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', codec.HexDigits[c>>4], codec.HexDigits[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
