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
	// When main starts, in the worker's clock: the runtime and every
	// package's init are done. The worker reports it with its start-up
	// timing (README, "Start-up").
	started := js.Global().Get("performance").Call("now")
	done := make(chan struct{})
	release := install(func() { close(done) })
	js.Global().Get("icmplab").Set("mainStart", started)
	<-done
	release()
}

// install defines globalThis.icmplab. It returns the function that releases
// every js.Func and removes the object; dispose() on the object calls onDispose.
func install(onDispose func()) (release func()) {
	var funcs []js.Func
	obj := js.Global().Get("Object").New()
	for name, m := range methods {
		f := js.FuncOf(func(this js.Value, args []js.Value) any { return promise(name, m, args) })
		funcs = append(funcs, f)
		obj.Set(name, f)
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

// promise settles a Promise with a method's result. Everything runs under
// recover: converting the arguments (which may meet a BigInt, a Symbol, a
// Proxy or a getter that throws) and the method itself. Nothing the page
// sends may end the Go program, which could not be called again.
func promise(name string, m method, args []js.Value) (p js.Value) {
	defer func() {
		if r := recover(); r != nil {
			p = rejected(name, fmt.Errorf("internal error: %v", r))
		}
	}()
	// Arguments are read now, before returning: byte arrays may be reused
	// by the caller once the call returns.
	in, err := convert(m.params, args)
	if err != nil {
		return rejected(name, err)
	}
	executor := js.FuncOf(func(this js.Value, pa []js.Value) any {
		resolve, reject := pa[0], pa[1]
		go func() {
			defer func() {
				if r := recover(); r != nil {
					reject.Invoke(jsError(name, fmt.Errorf("internal error: %v", r)))
				}
			}()
			v, err := m.run(in)
			if err != nil {
				reject.Invoke(jsError(name, err))
				return
			}
			resolve.Invoke(toJS(v))
		}()
		return nil
	})
	p = js.Global().Get("Promise").New(executor)
	executor.Release() // the executor has run synchronously inside New
	return p
}

func rejected(name string, err error) js.Value {
	return js.Global().Get("Promise").Call("reject", jsError(name, err))
}

func toJS(v any) any {
	switch x := v.(type) {
	case nil:
		return js.Undefined()
	case string, int, float64, bool:
		return x
	case []byte: // a file to download (captureExport)
		a := js.Global().Get("Uint8Array").New(len(x))
		js.CopyBytesToJS(a, x)
		return a
	}
	return marshal(v)
}

// jsError is err as a JavaScript Error. Its message names the method, for
// a program; err.text is the sentence alone, for a person; a FieldError
// also names its field (err.field, the sentence then without it), so a form
// can mark the box to fix.
func jsError(name string, err error) js.Value {
	e := js.Global().Get("Error").New("icmplab." + name + ": " + err.Error())
	e.Set("text", err.Error())
	var fe *FieldError
	if errors.As(err, &fe) {
		e.Set("field", fe.Field)
		e.Set("text", fe.Text)
	}
	return e
}

// ---------------------------------------------------------------- methods

// method is one exported function: its parameters, read and checked by
// convert before run is called with them as Go values.
type method struct {
	params []param
	run    func(a argv) (any, error)
}

// methods are the exported functions by name; api.d.ts says the same in
// TypeScript. Each line is the parameter list and the call: argument
// checking is convert's alone.
var methods = map[string]method{
	"init":    {[]param{langParam()}, func(a argv) (any, error) { return meta(a.lang(0)), nil }},
	"decode":  {[]param{textOrBytes("input"), optObject("options", decodeOptions)}, decodeCall},
	"lookup":  {[]param{integer("family"), integer("type"), optInt("code", -1), langParam()}, func(a argv) (any, error) { return lookup(a.int(0), a.int(1), a.int(2), a.lang(3)) }},
	"types":   {[]param{integer("family"), langParam()}, func(a argv) (any, error) { return types(a.int(0), a.lang(1)) }},
	"explain": {[]param{str("key")}, func(a argv) (any, error) { return explain(a.str(0)), nil }},
	"build": {[]param{object("spec", buildSpec), langParam()}, func(a argv) (any, error) {
		s := a[0].(BuildSpec)
		s.Lang = a.lang(1)
		return build(s)
	}},
	"format":  {[]param{str("hex"), str("dialect")}, func(a argv) (any, error) { return formatAs(a.str(0), a.str(1)) }},
	"example": {[]param{str("id"), langParam()}, func(a argv) (any, error) { return exampleCall(a.str(0), a.lang(1)) }},
	"story": {[]param{textOrBytes("input")}, func(a argv) (any, error) {
		if b, ok := a[0].([]byte); ok {
			return storyBytes(b)
		}
		return storyText(a.str(0))
	}},
	"filterCheck": {[]param{str("expr"), langParam()}, func(a argv) (any, error) { return filterCheck(a.str(0), a.lang(1)), nil }},
	"filterMatch": {[]param{str("expr"), bytesParam("data"), str("layer"), integer("number"), integer("len"), langParam()}, func(a argv) (any, error) {
		return filterMatch(a.str(0), a.bytes(1), a.str(2), a.int(3), a.int(4), a.lang(5))
	}},
	"filterFields": {[]param{langParam()}, func(a argv) (any, error) { return filterFields(a.lang(0)), nil }},
	"diagram":      {[]param{str("tree"), str("path"), langParam()}, func(a argv) (any, error) { return diagram(a.str(0), a.str(1), a.lang(2)) }},
	"compare": {[]param{bytesParam("a"), bytesParam("b"), optObject("options", compareOptions)}, func(a argv) (any, error) {
		return comparePackets(a.bytes(0), a.bytes(1), a[2].(CompareOptions))
	}},

	"captureOpen": {[]param{optStr("name")}, func(a argv) (any, error) {
		name := a.str(0)
		if name == "" {
			name = "capture"
		}
		return openSession(name), nil
	}},
	"captureFeed": {[]param{integer("handle"), bytesParam("chunk")}, withSession(func(s *session, a argv) (any, error) {
		if b := a.bytes(1); len(b) > 0 {
			s.feed(b)
		}
		return s.status(), nil
	})},
	"captureEnd": {[]param{integer("handle"), langParam()}, withSession(func(s *session, a argv) (any, error) {
		return s.end(a.int(0), a.lang(1)), nil
	})},
	"captureRows": {[]param{integer("handle"), integer("start"), integer("count"), langParam()}, withSession(func(s *session, a argv) (any, error) {
		if n := a.int(2); n < 0 || n > 1000 {
			return nil, fmt.Errorf("%w: count must be 0 to 1000", errArgs)
		}
		return s.rowsAt(a.int(1), a.int(2), a.lang(3)), nil
	})},
	"captureFilter": {[]param{integer("handle"), optObject("filter", filterSpec), langParam()}, func(a argv) (any, error) {
		return captureFilter(a.int(0), a[1].(Filter), a.lang(2))
	}},
	"captureExport": {[]param{integer("handle"), str("format"), langParam()}, withSession(func(s *session, a argv) (any, error) {
		return s.export(a.str(1), a.lang(2))
	})},
	"captureSort": {[]param{integer("handle"), str("key"), optInt("descending", 0)}, withSession(func(s *session, a argv) (any, error) {
		return nil, s.setSort(a.str(1), a.int(2) != 0)
	})},
	"captureCompare": {[]param{integer("handle"), integer("a"), integer("b"), optObject("options", compareOptions), langParam()}, withSession(func(s *session, a argv) (any, error) {
		return s.compareRows(a.int(1), a.int(2), a[3].(CompareOptions), a.lang(4))
	})},
	"captureGoto": {[]param{integer("handle"), integer("number")}, withSession(func(s *session, a argv) (any, error) {
		return s.indexOf(a.int(1)), nil
	})},
	"capturePacket": {[]param{integer("handle"), integer("index"), langParam()}, withSession(func(s *session, a argv) (any, error) {
		res, need, err := s.packet(a.int(1), nil, a.lang(2))
		if need != nil {
			return need, err
		}
		return res, err
	})},
	"captureOpenFetch": {[]param{integer("row")}, func(a argv) (any, error) {
		if a.int(0) < 0 {
			return nil, fmt.Errorf("%w: row must not be negative", errArgs)
		}
		return openFetch(a.int(0)), nil
	}},
	"captureDissect": {[]param{integer("handle"), integer("index"), integer("fetchHandle"), langParam()}, withSession(func(s *session, a argv) (any, error) {
		fs, err := getSession(a.int(2))
		if err != nil {
			return nil, err
		}
		res, _, err := s.packet(a.int(1), fs, a.lang(3))
		return res, err
	})},
	"captureClose": {[]param{integer("handle")}, func(a argv) (any, error) {
		closeSession(a.int(0))
		return nil, nil
	}},
}

// withSession runs fn on the open capture named by the first argument.
func withSession(fn func(s *session, a argv) (any, error)) func(a argv) (any, error) {
	return func(a argv) (any, error) {
		s, err := getSession(a.int(0))
		if err != nil {
			return nil, err
		}
		return fn(s, a)
	}
}

func decodeCall(a argv) (any, error) {
	o := a[1].(DecodeOptions)
	if text, ok := a[0].(string); ok && o.List {
		return decodeList(text, o)
	}
	if b, ok := a[0].([]byte); ok {
		return decodeBytes(b, o)
	}
	return decodeText(a.str(0), o)
}

func exampleCall(id string, l Lang) (any, error) {
	e, ok := exampleByID(id, l)
	if !ok {
		return nil, errors.New("no example " + quote(id))
	}
	return e, nil
}

// ---------------------------------------------------------------- options objects

func decodeOptions(p *props) (any, error) {
	var o DecodeOptions
	var lang string
	p.str("dialect", &o.Dialect)
	p.str("layer", &o.Layer)
	p.str("lang", &lang)
	p.flag("list", &o.List)
	if p.err != nil {
		return o, p.err
	}
	l, err := parseLang(lang)
	o.Lang = l
	return o, err
}

func buildSpec(p *props) (any, error) {
	var s BuildSpec
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

func compareOptions(p *props) (any, error) {
	var o CompareOptions
	p.str("layerA", &o.LayerA)
	p.str("layerB", &o.LayerB)
	p.flag("ignoreChecksums", &o.IgnoreChecksums)
	p.flag("ignoreTimestamps", &o.IgnoreTimestamps)
	var lang string
	p.str("lang", &lang)
	if l, err := parseLang(lang); err == nil {
		o.Lang = l
	} else if p.err == nil {
		p.err = err
	}
	return o, p.err
}

func filterSpec(p *props) (any, error) {
	var f Filter
	p.opt("family", &f.Family)
	p.opt("type", &f.Type)
	p.opt("code", &f.Code)
	p.str("addr", &f.Addr)
	p.str("expr", &f.Expr)
	return f, p.err
}
