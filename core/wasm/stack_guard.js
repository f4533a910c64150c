// Linked with --post-js: runs inside the module factory, after the Emscripten glue.
//
// bindings.cpp reports an invalid argument by throwing a JS Error from C++. A JS exception
// leaves the wasm frames between the throw and JS without running their epilogues, so the wasm
// stack pointer stays where those frames had lowered it (16 bytes per error measured with
// Emscripten 3.1.6; a few hundred thousand errors would overflow the stack). Every function and
// method Embind bound is wrapped once, after Embind registered them, to restore it.
addOnPostRun(function () {
  function guard(f) {
    var guarded = function () {
      var sp = stackSave();
      try {
        return f.apply(this, arguments);
      } catch (e) {
        stackRestore(sp);
        throw e;
      }
    };
    guarded.argCount = f.argCount;
    return guarded;
  }
  Object.keys(Module).forEach(function (name) {
    var bound = Module[name];
    if (typeof bound !== 'function') return;
    if (typeof bound.argCount === 'number') {
      // An Embind free function (exposePublicSymbol sets argCount).
      Module[name] = guard(bound);
    } else if (bound.prototype && typeof bound.prototype.isDeleted === 'function') {
      // An Embind class: its methods are own properties of the prototype (ClassHandle's
      // delete/isDeleted/clone live one level up and never enter C++ code that throws).
      var proto = bound.prototype;
      Object.getOwnPropertyNames(proto).forEach(function (method) {
        if (method !== 'constructor' && typeof proto[method] === 'function') proto[method] = guard(proto[method]);
      });
    }
  });
});
