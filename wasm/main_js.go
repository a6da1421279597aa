//go:build js && wasm

// Command wasm is the syscall/js glue that puts the codec in the browser. It
// installs ONE global object, icmplab, whose methods are described in
// api.d.ts. Every method checks its arguments, does its work in a goroutine
// and returns a Promise; failures reject with a real JavaScript Error. Results
// are JSON strings: one JSON.parse on the other side is faster than building
// objects through syscall/js field by field.
package main

import (
	"errors"
	"fmt"
	"syscall/js"
)

func main() {
	done := make(chan struct{})
	release := install(func() { close(done) })
	<-done
	release()
}

// install defines globalThis.icmplab. It returns the function that releases
// every js.Func and removes the object; dispose() on the object calls onDispose.
func install(onDispose func()) (release func()) {
	var funcs []js.Func
	obj := js.Global().Get("Object").New()
	def := func(name string, fn func(args jsArgs) (any, error)) {
		f := js.FuncOf(func(this js.Value, args []js.Value) any { return promise(name, args, fn) })
		funcs = append(funcs, f)
		obj.Set(name, f)
	}
	for name, fn := range methods() {
		def(name, fn)
	}
	obj.Set("version", version)
	disposed := false
	dispose := js.FuncOf(func(this js.Value, args []js.Value) any {
		if !disposed {
			disposed = true
			onDispose()
		}
		return nil
	})
	funcs = append(funcs, dispose)
	obj.Set("dispose", dispose)
	js.Global().Set("icmplab", obj)
	return func() {
		js.Global().Delete("icmplab")
		for _, f := range funcs {
			f.Release()
		}
	}
}

// promise runs fn in a goroutine and settles a Promise with its result. A
// panic is turned into a rejection: nothing the page sends may crash the
// module, since a crashed Go program cannot be called again.
func promise(name string, args []js.Value, fn func(args jsArgs) (any, error)) js.Value {
	// Copy what fn reads from JS before returning: byte arrays may be
	// reused by the caller once the call returns.
	in, err := snapshot(args)
	var executor js.Func
	executor = js.FuncOf(func(this js.Value, pa []js.Value) any {
		resolve, reject := pa[0], pa[1]
		if err != nil {
			reject.Invoke(jsError(name, err))
			return nil
		}
		go func() {
			defer func() {
				if r := recover(); r != nil {
					reject.Invoke(jsError(name, fmt.Errorf("internal error: %v", r)))
				}
			}()
			v, err := fn(in)
			if err != nil {
				reject.Invoke(jsError(name, err))
				return
			}
			resolve.Invoke(toJS(v))
		}()
		return nil
	})
	p := js.Global().Get("Promise").New(executor)
	executor.Release() // the executor has run synchronously inside New
	return p
}

// jsArgs are a call's arguments, with every Uint8Array among them copied
// into Go memory at once: the caller may reuse its buffer after the call.
type jsArgs struct {
	v []js.Value
	b map[int][]byte
}

// maxBytesArg bounds one byte-array argument; the worker feeds captures in
// chunks far smaller than this.
const maxBytesArg = 256 << 20

func snapshot(args []js.Value) (jsArgs, error) {
	out := jsArgs{v: args, b: map[int][]byte{}}
	for i, a := range args {
		if isBytes(a) {
			n := a.Get("length").Int()
			if n > maxBytesArg {
				return out, fmt.Errorf("%w: argument %d holds %d bytes, more than %d", errArgs, i+1, n, maxBytesArg)
			}
			b := make([]byte, n)
			js.CopyBytesToGo(b, a)
			out.b[i] = b
		}
	}
	return out, nil
}

func toJS(v any) any {
	switch x := v.(type) {
	case nil:
		return js.Undefined()
	case string, int, float64, bool:
		return x
	}
	return marshal(v)
}

func jsError(name string, err error) js.Value {
	return js.Global().Get("Error").New("icmplab." + name + ": " + err.Error())
}

var uint8Array = js.Global().Get("Uint8Array")

func isBytes(v js.Value) bool { return v.Type() == js.TypeObject && v.InstanceOf(uint8Array) }

// ---------------------------------------------------------------- arguments

var errArgs = errors.New("bad arguments")

func argString(args jsArgs, i int, name string) (string, error) {
	if i >= len(args.v) || args.v[i].Type() != js.TypeString {
		return "", fmt.Errorf("%w: argument %d (%s) must be a string", errArgs, i+1, name)
	}
	return args.v[i].String(), nil
}

func argInt(args jsArgs, i int, name string) (int, error) {
	if i >= len(args.v) || args.v[i].Type() != js.TypeNumber {
		return 0, fmt.Errorf("%w: argument %d (%s) must be a number", errArgs, i+1, name)
	}
	f := args.v[i].Float()
	if f != float64(int(f)) {
		return 0, fmt.Errorf("%w: argument %d (%s) must be an integer, not %v", errArgs, i+1, name, f)
	}
	return int(f), nil
}

// argOptInt is argInt with a default for undefined or null.
func argOptInt(args jsArgs, i int, name string, def int) (int, error) {
	if i >= len(args.v) || args.v[i].IsUndefined() || args.v[i].IsNull() {
		return def, nil
	}
	return argInt(args, i, name)
}

func argBytes(args jsArgs, i int, name string) ([]byte, error) {
	if b, ok := args.b[i]; ok {
		return b, nil
	}
	return nil, fmt.Errorf("%w: argument %d (%s) must be a Uint8Array", errArgs, i+1, name)
}

// argObject returns an options object argument; ok is false for undefined
// and null, which mean "all defaults".
func argObject(args jsArgs, i int, name string) (obj js.Value, ok bool, err error) {
	if i >= len(args.v) || args.v[i].IsUndefined() || args.v[i].IsNull() {
		return js.Undefined(), false, nil
	}
	if args.v[i].Type() != js.TypeObject || isBytes(args.v[i]) {
		return js.Undefined(), false, fmt.Errorf("%w: argument %d (%s) must be an object", errArgs, i+1, name)
	}
	return args.v[i], true, nil
}

// propString reads an optional string property ("" when absent).
func propString(o js.Value, obj, name string) (string, error) {
	v := o.Get(name)
	if v.IsUndefined() || v.IsNull() {
		return "", nil
	}
	if v.Type() != js.TypeString {
		return "", fmt.Errorf("%w: %s.%s must be a string", errArgs, obj, name)
	}
	return v.String(), nil
}

// propInt reads an optional integer property (nil when absent).
func propInt(o js.Value, obj, name string) (*int, error) {
	v := o.Get(name)
	if v.IsUndefined() || v.IsNull() {
		return nil, nil
	}
	if v.Type() != js.TypeNumber || v.Float() != float64(int(v.Float())) {
		return nil, fmt.Errorf("%w: %s.%s must be an integer", errArgs, obj, name)
	}
	n := v.Int()
	return &n, nil
}

// props reads string and integer properties of an options object into Go
// fields; the first bad one is the error.
type props struct {
	o   js.Value
	obj string
	err error
}

func (p *props) str(name string, dst *string) {
	if p.err == nil {
		*dst, p.err = propString(p.o, p.obj, name)
	}
}

func (p *props) num(name string, dst *int) {
	if p.err != nil {
		return
	}
	var n *int
	if n, p.err = propInt(p.o, p.obj, name); n != nil {
		*dst = *n
	}
}

func (p *props) opt(name string, dst **int) {
	if p.err == nil {
		*dst, p.err = propInt(p.o, p.obj, name)
	}
}

func decodeOptionsArg(args jsArgs, i int) (DecodeOptions, error) {
	var o DecodeOptions
	obj, ok, err := argObject(args, i, "options")
	if !ok || err != nil {
		return o, err
	}
	p := props{o: obj, obj: "options"}
	p.str("dialect", &o.Dialect)
	p.str("layer", &o.Layer)
	return o, p.err
}

func buildSpecArg(args jsArgs, i int) (BuildSpec, error) {
	var s BuildSpec
	obj, ok, err := argObject(args, i, "spec")
	if err != nil {
		return s, err
	}
	if !ok {
		return s, fmt.Errorf("%w: build needs a spec object", errArgs)
	}
	p := props{o: obj, obj: "spec"}
	p.num("family", &s.Family)
	p.num("type", &s.Type)
	p.num("code", &s.Code)
	p.num("id", &s.ID)
	p.num("seq", &s.Seq)
	p.num("ttl", &s.TTL)
	p.str("data", &s.Data)
	p.str("dataHex", &s.Hex)
	p.str("quote", &s.Quote)
	p.str("src", &s.Src)
	p.str("dst", &s.Dst)
	return s, p.err
}

func filterArg(args jsArgs, i int) (Filter, error) {
	var f Filter
	obj, ok, err := argObject(args, i, "filter")
	if !ok || err != nil {
		return f, err
	}
	p := props{o: obj, obj: "filter"}
	p.opt("family", &f.Family)
	p.opt("type", &f.Type)
	p.opt("code", &f.Code)
	p.str("addr", &f.Addr)
	return f, p.err
}

// ---------------------------------------------------------------- methods

// methods maps each exported name to its implementation; api.d.ts says the
// same in TypeScript.
func methods() map[string]func(args jsArgs) (any, error) {
	return map[string]func(args jsArgs) (any, error){
		"init": func(args jsArgs) (any, error) { return meta(), nil },
		"decode": func(args jsArgs) (any, error) {
			o, err := decodeOptionsArg(args, 1)
			if err != nil {
				return nil, err
			}
			if b, err := argBytes(args, 0, "input"); err == nil {
				return decodeBytes(b, o)
			}
			s, err := argString(args, 0, "input")
			if err != nil {
				return nil, fmt.Errorf("%w: argument 1 (input) must be a string or a Uint8Array", errArgs)
			}
			return decodeText(s, o)
		},
		"lookup": func(args jsArgs) (any, error) {
			f, err := argInt(args, 0, "family")
			if err != nil {
				return nil, err
			}
			t, err := argInt(args, 1, "type")
			if err != nil {
				return nil, err
			}
			c, err := argOptInt(args, 2, "code", -1)
			if err != nil {
				return nil, err
			}
			return lookup(f, t, c)
		},
		"types": func(args jsArgs) (any, error) {
			f, err := argInt(args, 0, "family")
			if err != nil {
				return nil, err
			}
			return types(f)
		},
		"explain": func(args jsArgs) (any, error) {
			k, err := argString(args, 0, "key")
			if err != nil {
				return nil, err
			}
			return explain(k), nil
		},
		"build": func(args jsArgs) (any, error) {
			s, err := buildSpecArg(args, 0)
			if err != nil {
				return nil, err
			}
			return build(s)
		},
		"format": func(args jsArgs) (any, error) {
			h, err := argString(args, 0, "hex")
			if err != nil {
				return nil, err
			}
			d, err := argString(args, 1, "dialect")
			if err != nil {
				return nil, err
			}
			return formatAs(h, d)
		},
		"example": func(args jsArgs) (any, error) {
			id, err := argString(args, 0, "id")
			if err != nil {
				return nil, err
			}
			e, ok := exampleByID(id)
			if !ok {
				return nil, errors.New("no example " + quote(id))
			}
			return e, nil
		},
		"captureOpen": func(args jsArgs) (any, error) {
			name := "capture"
			if len(args.v) > 0 && args.v[0].Type() == js.TypeString {
				name = args.v[0].String()
			}
			return openSession(name), nil
		},
		"captureFeed": func(args jsArgs) (any, error) {
			s, err := sessionArg(args)
			if err != nil {
				return nil, err
			}
			b, err := argBytes(args, 1, "chunk")
			if err != nil {
				return nil, err
			}
			if len(b) > 0 {
				s.feed(b)
			}
			return s.status(), nil
		},
		"captureEnd": func(args jsArgs) (any, error) {
			s, err := sessionArg(args)
			if err != nil {
				return nil, err
			}
			h, _ := argInt(args, 0, "handle")
			return s.end(h), nil
		},
		"captureRows": func(args jsArgs) (any, error) {
			s, err := sessionArg(args)
			if err != nil {
				return nil, err
			}
			start, err := argInt(args, 1, "start")
			if err != nil {
				return nil, err
			}
			n, err := argInt(args, 2, "count")
			if err != nil {
				return nil, err
			}
			if n < 0 || n > 1000 {
				return nil, fmt.Errorf("%w: count must be 0 to 1000", errArgs)
			}
			return s.rowsAt(start, n), nil
		},
		"captureFilter": func(args jsArgs) (any, error) {
			s, err := sessionArg(args)
			if err != nil {
				return nil, err
			}
			f, err := filterArg(args, 1)
			if err != nil {
				return nil, err
			}
			return CountResult{Count: s.filter(f)}, nil
		},
		"capturePacket": func(args jsArgs) (any, error) {
			s, err := sessionArg(args)
			if err != nil {
				return nil, err
			}
			k, err := argInt(args, 1, "index")
			if err != nil {
				return nil, err
			}
			res, need, err := s.packet(k, nil)
			if need != nil {
				return need, err
			}
			return res, err
		},
		"captureOpenFetch": func(args jsArgs) (any, error) {
			row, err := argInt(args, 0, "row")
			if err != nil {
				return nil, err
			}
			if row < 0 {
				return nil, fmt.Errorf("%w: row must not be negative", errArgs)
			}
			return openFetch(row), nil
		},
		"captureDissect": func(args jsArgs) (any, error) {
			s, err := sessionArg(args)
			if err != nil {
				return nil, err
			}
			k, err := argInt(args, 1, "index")
			if err != nil {
				return nil, err
			}
			fh, err := argInt(args, 2, "fetchHandle")
			if err != nil {
				return nil, err
			}
			fs, err := getSession(fh)
			if err != nil {
				return nil, err
			}
			res, _, err := s.packet(k, fs)
			return res, err
		},
		"captureClose": func(args jsArgs) (any, error) {
			h, err := argInt(args, 0, "handle")
			if err != nil {
				return nil, err
			}
			closeSession(h)
			return nil, nil
		},
	}
}

func sessionArg(args jsArgs) (*session, error) {
	h, err := argInt(args, 0, "handle")
	if err != nil {
		return nil, err
	}
	return getSession(h)
}
