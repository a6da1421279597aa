//go:build js && wasm

package main

// Reading a call's arguments without handing the page a way to kill the
// module. Several syscall/js methods run JavaScript that can throw (a getter,
// a Proxy trap, instanceof on a Proxy) and the wasm_exec.js imports behind
// Value.Get, Value.InstanceOf, Value.Length and CopyBytesToGo do not catch:
// an exception there unwinds through the Go stack and the program is lost.
// Value.Type itself panics on a BigInt. So:
//   - the type of a value is asked under recover (kindOf);
//   - properties are read with Reflect.get through Value.Invoke, whose import
//     catches and turns a throw into a recoverable panic (js.Error);
//   - a byte array is recognised with the %TypedArray% getters captured at
//     start (they read internal slots and run no page code), copied into a
//     fresh Uint8Array of ours with set(), and only that copy is read by
//     CopyBytesToGo.
// Every call of the glue runs all of this under recover (see promise).

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"syscall/js"
)

var errArgs = errors.New("bad arguments")

// maxBytesArg bounds one byte-array argument; the worker feeds captures in
// chunks far smaller than this.
const maxBytesArg = 256 << 20

// jsKind is what an argument is, as JavaScript's typeof would say, plus
// "bytes" for a genuine Uint8Array. BigInt and anything else Go's Value.Type
// cannot name are "other".
type jsKind uint8

const (
	kUndefined jsKind = iota
	kNull
	kBool
	kNumber
	kString
	kSymbol
	kFunction
	kObject
	kBytes
	kOther
)

var kindNames = [...]string{"undefined", "null", "a boolean", "a number", "a string", "a symbol", "a function", "an object", "a Uint8Array", "a value of another kind (BigInt?)"}

func (k jsKind) String() string { return kindNames[k] }

// pristine are built-ins captured when the module starts, before any page
// code could replace them: the page's later changes to globals do not reach
// argument checking.
var pristine struct {
	reflectGet js.Value // Reflect.get
	typedTag   js.Value // get %TypedArray%.prototype[Symbol.toStringTag]
	typedLen   js.Value // get %TypedArray%.prototype.length
	uint8Array js.Value // Uint8Array
}

func init() {
	g := js.Global()
	pristine.reflectGet = g.Get("Reflect").Get("get")
	pristine.uint8Array = g.Get("Uint8Array")
	proto := g.Get("Object").Call("getPrototypeOf", pristine.uint8Array.Get("prototype"))
	desc := func(key any) js.Value {
		return g.Get("Object").Call("getOwnPropertyDescriptor", proto, key).Get("get")
	}
	pristine.typedTag = desc(g.Get("Symbol").Get("toStringTag"))
	pristine.typedLen = desc("length")
}

// kindOf classifies v without running page code.
func kindOf(v js.Value) (k jsKind) {
	defer func() {
		if recover() != nil {
			k = kOther // Value.Type panics on a BigInt ("bad type flag")
		}
	}()
	switch v.Type() {
	case js.TypeUndefined:
		return kUndefined
	case js.TypeNull:
		return kNull
	case js.TypeBoolean:
		return kBool
	case js.TypeNumber:
		return kNumber
	case js.TypeString:
		return kString
	case js.TypeSymbol:
		return kSymbol
	case js.TypeFunction:
		return kFunction
	case js.TypeObject:
		if isUint8Array(v) {
			return kBytes
		}
		return kObject
	}
	return kOther
}

// isUint8Array asks the %TypedArray% toStringTag getter, which reads an
// internal slot: a Proxy or an object dressed up as an array is not one.
func isUint8Array(v js.Value) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	tag := pristine.typedTag.Call("call", v)
	return tag.Type() == js.TypeString && tag.String() == "Uint8Array"
}

// copyBytes copies a genuine Uint8Array (kindOf said kBytes) into Go.
func copyBytes(v js.Value, what string) ([]byte, error) {
	n := pristine.typedLen.Call("call", v).Int()
	if n > maxBytesArg {
		return nil, fmt.Errorf("%w: %s holds %d bytes, more than %d", errArgs, what, n, maxBytesArg)
	}
	own := pristine.uint8Array.New(n)
	own.Call("set", v)
	b := make([]byte, n)
	js.CopyBytesToGo(b, own)
	return b, nil
}

// getProp reads obj[name] through Reflect.get: a throwing getter or Proxy
// trap becomes a panic recover can catch, and the caller says which property.
func getProp(obj js.Value, name string) (v js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("threw %v", r)
		}
	}()
	return pristine.reflectGet.Invoke(obj, name), nil
}

// toInt reads a number that must be an integer in int32 range (handles,
// counts, protocol values all are).
func toInt(v js.Value, what string) (int, error) {
	if k := kindOf(v); k != kNumber {
		return 0, fmt.Errorf("%w: %s must be a number, not %s", errArgs, what, k)
	}
	f := v.Float()
	if f != math.Trunc(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%w: %s must be an integer, not %v", errArgs, what, f)
	}
	if f < math.MinInt32 || f > math.MaxInt32 {
		return 0, fmt.Errorf("%w: %s is out of range: %v", errArgs, what, f)
	}
	return int(f), nil
}

// props reads the properties of an options object, each by type; the first
// bad one is the error.
type props struct {
	o   js.Value
	obj string
	err error
}

// get returns the property, or an undefined Value when absent, null or
// already failed.
func (p *props) get(name string) (js.Value, jsKind) {
	if p.err != nil {
		return js.Undefined(), kUndefined
	}
	v, err := getProp(p.o, name)
	if err != nil {
		p.err = fmt.Errorf("%w: reading %s.%s %v", errArgs, p.obj, name, err)
		return js.Undefined(), kUndefined
	}
	k := kindOf(v)
	if k == kNull {
		k = kUndefined
	}
	return v, k
}

func (p *props) str(name string, dst *string) {
	v, k := p.get(name)
	switch k {
	case kUndefined:
	case kString:
		*dst = v.String()
	default:
		p.err = fmt.Errorf("%w: %s.%s must be a string, not %s", errArgs, p.obj, name, k)
	}
}

func (p *props) opt(name string, dst **int) {
	v, k := p.get(name)
	if k == kUndefined || p.err != nil {
		return
	}
	n, err := toInt(v, p.obj+"."+name)
	if err != nil {
		p.err = err
		return
	}
	*dst = &n
}

func (p *props) flag(name string, dst *bool) {
	v, k := p.get(name)
	switch k {
	case kUndefined:
	case kBool:
		*dst = v.Bool()
	default:
		p.err = fmt.Errorf("%w: %s.%s must be true or false, not %s", errArgs, p.obj, name, k)
	}
}

func (p *props) num(name string, dst *int) {
	var n *int
	if p.opt(name, &n); n != nil {
		*dst = *n
	}
}

// ---------------------------------------------------------------- parameters

// pkind is how a parameter is read.
type pkind uint8

const (
	pString      pkind = iota // a string
	pInt                      // an integer
	pOptInt                   // an integer; undefined or null give def
	pOptString                // a string; undefined or null give ""
	pTextOrBytes              // a string or a Uint8Array
	pBytes                    // a Uint8Array
	pObject                   // an options object read by conv; absent is an error
	pOptObject                // the same, absent gives conv's zero value
	pLang                     // a language code ("en", "ko"); absent is English
)

// param is one parameter of a glue method.
type param struct {
	name string
	kind pkind
	def  int
	conv func(p *props) (any, error) // pObject, pOptObject
}

func str(name string) param             { return param{name: name, kind: pString} }
func optStr(name string) param          { return param{name: name, kind: pOptString} }
func integer(name string) param         { return param{name: name, kind: pInt} }
func optInt(name string, def int) param { return param{name: name, kind: pOptInt, def: def} }
func bytesParam(name string) param      { return param{name: name, kind: pBytes} }
func textOrBytes(name string) param     { return param{name: name, kind: pTextOrBytes} }
func langParam() param                  { return param{name: "lang", kind: pLang} }
func object(name string, conv func(p *props) (any, error)) param {
	return param{name: name, kind: pObject, conv: conv}
}
func optObject(name string, conv func(p *props) (any, error)) param {
	return param{name: name, kind: pOptObject, conv: conv}
}

// argv are a call's arguments, converted to Go values by their params.
type argv []any

func (a argv) str(i int) string { return a[i].(string) }
func (a argv) int(i int) int    { return a[i].(int) }
func (a argv) lang(i int) Lang  { return a[i].(Lang) }
func (a argv) bytes(i int) []byte {
	b, _ := a[i].([]byte)
	return b
}

// convert reads every argument by its param, before the method runs. Byte
// arrays are copied: the caller may reuse its buffer once the call returns.
func convert(params []param, args []js.Value) (argv, error) {
	out := make(argv, len(params))
	for i, p := range params {
		v := js.Undefined()
		if i < len(args) {
			v = args[i]
		}
		what := "argument " + strconv.Itoa(i+1) + " (" + p.name + ")"
		k := kindOf(v)
		absent := k == kUndefined || k == kNull
		var err error
		switch p.kind {
		case pString:
			if k != kString {
				return nil, fmt.Errorf("%w: %s must be a string, not %s", errArgs, what, k)
			}
			out[i] = v.String()
		case pOptString:
			out[i] = ""
			if !absent {
				if k != kString {
					return nil, fmt.Errorf("%w: %s must be a string, not %s", errArgs, what, k)
				}
				out[i] = v.String()
			}
		case pInt:
			out[i], err = toInt(v, what)
		case pOptInt:
			out[i] = p.def
			if !absent {
				out[i], err = toInt(v, what)
			}
		case pTextOrBytes:
			switch k {
			case kString:
				out[i] = v.String()
			case kBytes:
				out[i], err = copyBytes(v, what)
			default:
				return nil, fmt.Errorf("%w: %s must be a string or a Uint8Array, not %s", errArgs, what, k)
			}
		case pBytes:
			if k != kBytes {
				return nil, fmt.Errorf("%w: %s must be a Uint8Array, not %s", errArgs, what, k)
			}
			out[i], err = copyBytes(v, what)
		case pObject, pOptObject:
			if absent && p.kind == pObject {
				return nil, fmt.Errorf("%w: %s needs a %s object", errArgs, what, p.name)
			}
			if !absent && k != kObject {
				return nil, fmt.Errorf("%w: %s must be an object, not %s", errArgs, what, k)
			}
			pr := &props{o: v, obj: p.name}
			if absent {
				pr.o = js.Global().Get("Object").New()
			}
			out[i], err = p.conv(pr)
		case pLang:
			out[i] = EN
			if !absent {
				if k != kString {
					return nil, fmt.Errorf("%w: %s must be a string, not %s", errArgs, what, k)
				}
				out[i], err = parseLang(v.String())
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
