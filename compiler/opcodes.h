/*
 * opcodes.h — gol's instruction set, written once.
 *
 * Instruction format (64 bits):
 *
 *   63        48 47        32 31        16 15      8 7       0
 *  +------------+------------+------------+---------+---------+
 *  |     C      |     B      |     A      |    X    |   OP    |
 *  +------------+------------+------------+---------+---------+
 *                 \______ SBX (signed 32) _/
 *
 * A, B, C are 16-bit register numbers (frame-relative) or small constants;
 * SBX overlays B and C as one signed 32-bit operand (jumps, constant
 * indexes, immediates). X is a spare byte some instructions use as a flag.
 * Registers are untagged 64-bit Values: every instruction knows the type
 * of what it touches because the checker resolved it (ADDI adds int64s,
 * ADDF doubles, CONCAT strings) and never tests a tag.
 *
 * The list below is an X-macro: OP(name, shape, "meaning"). It is expanded
 * into the opcode enum, the disassembler's names and operand shapes, and
 * the VM's computed-goto table, so the three never drift apart.
 * Shapes: ABC, AB, A, ASBX (A and SBX), SBX, ABX (A and unsigned BX).
 */
#ifndef GOL_OPCODES_H
#define GOL_OPCODES_H

#include <stdint.h>

#define GOL_OPCODES(OP)                                                              \
	OP(NOP,      A,    "")                                                       \
	OP(MOVE,     AB,   "R[A] = R[B]")                                            \
	OP(LOADK,    ABX,  "R[A] = K[BX]")                                           \
	OP(LOADI,    ASBX, "R[A].i = SBX")                                           \
	OP(LOADNIL,  A,    "R[A] = 0 (nil, false, zero scalar)")                     \
	OP(GETG,     ABX,  "R[A] = G[BX] (X: a struct or array's block, see read_var)") \
	OP(SETG,     ABX,  "G[BX] = R[A]")                                           \
	OP(GADDR,    ABX,  "R[A].p = &G[BX]")                                        \
	/* integer arithmetic on 64 bits; narrower types re-wrap with SEXT/ZEXT */ \
	OP(ADDI,     ABC,  "R[A].i = R[B].i + R[C].i")                               \
	OP(SUBI,     ABC,  "R[A].i = R[B].i - R[C].i")                               \
	OP(MULI,     ABC,  "R[A].i = R[B].i * R[C].i")                               \
	OP(DIVI,     ABC,  "R[A].i = R[B].i / R[C].i (panics on zero)")              \
	OP(REMI,     ABC,  "R[A].i = R[B].i % R[C].i (panics on zero)")              \
	OP(DIVU,     ABC,  "R[A].u = R[B].u / R[C].u")                               \
	OP(REMU,     ABC,  "R[A].u = R[B].u % R[C].u")                               \
	OP(ANDI,     ABC,  "R[A] = R[B] & R[C]")                                     \
	OP(ORI,      ABC,  "R[A] = R[B] | R[C]")                                     \
	OP(XORI,     ABC,  "R[A] = R[B] ^ R[C]")                                     \
	OP(ANDNOT,   ABC,  "R[A] = R[B] &^ R[C]")                                    \
	OP(SHL,      ABC,  "R[A] = R[B] << R[C] (X: count is signed)")               \
	OP(SHRS,     ABC,  "R[A].i = R[B].i >> R[C] (arithmetic)")                   \
	OP(SHRU,     ABC,  "R[A].u = R[B].u >> R[C] (logical)")                      \
	OP(ADDIK,    ABC,  "R[A].i = R[B].i + (int16)C")                             \
	OP(NEGI,     AB,   "R[A].i = -R[B].i")                                       \
	OP(NOTI,     AB,   "R[A].i = ^R[B].i")                                       \
	OP(SEXT,     ABC,  "R[A].i = sign-extend low C bits of R[B]")                \
	OP(ZEXT,     ABC,  "R[A].u = zero-extend low C bits of R[B]")                \
	/* floats */                                                                \
	OP(ADDF,     ABC,  "R[A].f = R[B].f + R[C].f")                               \
	OP(SUBF,     ABC,  "R[A].f = R[B].f - R[C].f")                               \
	OP(MULF,     ABC,  "R[A].f = R[B].f * R[C].f")                               \
	OP(DIVF,     ABC,  "R[A].f = R[B].f / R[C].f")                               \
	OP(NEGF,     AB,   "R[A].f = -R[B].f")                                       \
	OP(SQRTF,    AB,   "R[A].f = math.Sqrt(R[B].f)")                             \
	OP(ABSF,     AB,   "R[A].f = math.Abs(R[B].f)")                              \
	OP(MINF,     ABC,  "R[A].f = min(R[B].f, R[C].f) (NaN wins; -0 < +0)")       \
	OP(MAXF,     ABC,  "R[A].f = max(R[B].f, R[C].f) (NaN wins; -0 < +0)")       \
	OP(F32,      AB,   "R[A].f = (float)R[B].f")                                 \
	OP(I2F,      AB,   "R[A].f = (double)R[B].i")                                \
	OP(U2F,      AB,   "R[A].f = (double)R[B].u")                                \
	OP(F2I,      AB,   "R[A].i = (int64)R[B].f; X: through int32 (amd64's overflow)") \
	OP(F2U,      AB,   "R[A].u = (uint64)R[B].f")                                \
	/* comparisons: R[A] = 1 or 0 */                                            \
	OP(EQI,      ABC,  "R[A] = R[B] == R[C] (64-bit identity)")                  \
	OP(NEI,      ABC,  "R[A] = R[B] != R[C]")                                    \
	OP(LTI,      ABC,  "R[A] = R[B].i < R[C].i")                                 \
	OP(LEI,      ABC,  "R[A] = R[B].i <= R[C].i")                                \
	OP(LTU,      ABC,  "R[A] = R[B].u < R[C].u")                                 \
	OP(LEU,      ABC,  "R[A] = R[B].u <= R[C].u")                                \
	OP(EQF,      ABC,  "R[A] = R[B].f == R[C].f")                                \
	OP(NEF,      ABC,  "R[A] = R[B].f != R[C].f")                                \
	OP(LTF,      ABC,  "R[A] = R[B].f < R[C].f")                                 \
	OP(LEF,      ABC,  "R[A] = R[B].f <= R[C].f")                                \
	OP(EQS,      ABC,  "R[A] = string R[B] == R[C]")                             \
	OP(LTS,      ABC,  "R[A] = string R[B] < R[C]")                              \
	OP(LES,      ABC,  "R[A] = string R[B] <= R[C]")                             \
	OP(EQV,      ABC,  "R[A] = R[B] == R[C] by value, type K[next]")             \
	OP(NOT,      AB,   "R[A] = !R[B]")                                           \
	OP(CPLX,     ABC,  "complex op X&15 (0 add 1 sub 2 mul 3 div 4 neg 5 real 6 imag 7 make 8 copy); X&16: complex64") \
	/* control */                                                               \
	OP(JMP,      SBX,  "pc += SBX")                                              \
	OP(JMPT,     ASBX, "if R[A] pc += SBX")                                      \
	OP(JMPF,     ASBX, "if !R[A] pc += SBX")                                     \
	OP(JMPTB,    ASBX, "JMPT backwards: a loop's bottom test (time slice counted)") \
	OP(JMPFB,    ASBX, "JMPF backwards: a loop's bottom test (time slice counted)") \
	OP(JCMPI,    AB,   "if R[A].i CMP (X&16 ? (int16)B : R[B].i) pc += next SBX; CMP = X&7: lt le gt ge eq ne") \
	OP(FORIK,    ABC,  "R[A].i += (int16)C, then the JCMPI after it (same A, B, X) with its EXT") \
	OP(FORI,     ABC,  "R[A].i += R[C].i, then the JCMPI after it (same A, B, X) with its EXT") \
	/* strings */                                                               \
	OP(CONCAT,   ABC,  "R[A] = R[B] + R[C] (strings)")                           \
	OP(STRLEN,   AB,   "R[A].i = len(R[B]) (string)")                            \
	OP(STRIDX,   ABC,  "R[A].u = R[B][R[C]] (byte, bounds checked)")             \
	OP(STRSLICE, ABC,  "R[A] = R[B][R[C]:R[C+1]] (X bit0: no lo, bit1: no hi)")  \
	OP(CONV,     ABC,  "R[A] = conversion C of R[B] (see vm: CV_*)")             \
	/* slices */                                                                \
	OP(MKSLICE,  ABC,  "R[A] = make([]T, R[B], R[C]); X: C absent")              \
	OP(SLEN,     AB,   "R[A].i = len(R[B]) (slice)")                             \
	OP(SCAP,     AB,   "R[A].i = cap(R[B]) (slice)")                             \
	OP(SIDX,     ABC,  "R[A] = R[B][R[C]] (slice, bounds checked)")              \
	OP(SSET,     ABC,  "R[A][R[B]] = R[C] (slice, bounds checked)")              \
	OP(SSETK,    ABC,  "R[A][R[B]].i = (int16)C (slice, bounds checked)")        \
	OP(SADDR,    ABC,  "R[A] = &R[B][R[C]] (slice element address)")            \
	OP(APPEND,   ABC,  "R[A] = append(R[A], R[B] .. R[B+C-1])")                  \
	OP(APPENDS,  ABC,  "R[A] = append(R[B], R[C]...) (X: R[C] is a string)")    \
	OP(SLICE,    ABC,  "R[A] = R[B][R[C]:R[C+1]:R[C+2]] (X: 1 no lo, 2 no hi, 4 has max, 8 array block, len K[next])") \
	OP(COPY,     ABC,  "R[A].i = copy(R[B], R[C]) (X: R[C] is a string)")        \
	/* aggregates (blocks) */                                                   \
	OP(NEWBLK,   ABX,  "R[A] = new zeroed block of type K[BX]")                  \
	OP(CLONE,    ABX,  "R[A] = deep copy of block R[A] (type K[BX]); X: a parameter's (2: read only, not copied)") \
	OP(COPYIN,   ABX,  "contents of block R[A+1] copied into block R[A] (type K[BX])") \
	OP(GETF,     ABC,  "R[A] = R[B].p[C] (nil-checked)")                         \
	OP(SETF,     ABC,  "R[A].p[B] = R[C] (nil-checked)")                         \
	OP(FADDR,    ABC,  "R[A] = &R[B].p[C] (nil-checked)")                        \
	/* a field as an operand, and a field updated in place (X: its index), \
	 * for 64-bit integers and float64: one instruction instead of two or three */ \
	OP(ADDIX,    ABC,  "R[A].i = R[B].i + R[C].p[X].i (nil-checked)")             \
	OP(SUBIX,    ABC,  "R[A].i = R[B].i - R[C].p[X].i (nil-checked)")             \
	OP(MULIX,    ABC,  "R[A].i = R[B].i * R[C].p[X].i (nil-checked)")             \
	OP(ADDFX,    ABC,  "R[A].f = R[B].f + R[C].p[X].f (nil-checked)")             \
	OP(SUBFX,    ABC,  "R[A].f = R[B].f - R[C].p[X].f (nil-checked)")             \
	OP(MULFX,    ABC,  "R[A].f = R[B].f * R[C].p[X].f (nil-checked)")             \
	OP(FADDI,    AB,   "R[A].p[X].i += R[B].i (nil-checked)")                      \
	OP(FSUBI,    AB,   "R[A].p[X].i -= R[B].i (nil-checked)")                      \
	OP(FMULI,    AB,   "R[A].p[X].i *= R[B].i (nil-checked)")                      \
	OP(FADDF,    AB,   "R[A].p[X].f += R[B].f (nil-checked)")                      \
	OP(FSUBF,    AB,   "R[A].p[X].f -= R[B].f (nil-checked)")                      \
	OP(FMULF,    AB,   "R[A].p[X].f *= R[B].f (nil-checked)")                      \
	OP(FADDIK,   AB,   "R[A].p[X].i += (int16)B (nil-checked): c.n++, c.n -= 2")   \
	OP(AIDX,     ABC,  "R[A] = R[B].p[R[C]], length in next word")               \
	OP(ASET,     ABC,  "R[A].p[R[B]] = R[C], length in next word")               \
	OP(AADDR,    ABC,  "R[A] = &R[B].p[R[C]], length in next word")              \
	/* pointers and cells */                                                    \
	OP(NEWCELL,  A,    "R[A] = new zeroed Value cell")                           \
	OP(LOAD,     AB,   "R[A] = *R[B] (nil-checked; X: a struct or array's block)") \
	OP(STORE,    AB,   "*R[A] = R[B] (nil-checked)")                             \
	OP(NILCHK,   A,    "panic if R[A] is nil (pointer dereference)")             \
	/* maps */                                                                  \
	OP(MKMAP,    ABX,  "R[A] = new map of type K[BX]")                           \
	OP(MGET,     ABC,  "R[A] = R[B][R[C]] (zero if absent; X&1: R[A+1] = ok)")   \
	OP(MSET,     ABC,  "R[A][R[B]] = R[C]")                                      \
	OP(MDEL,     AB,   "delete(R[A], R[B])")                                     \
	OP(MSLOT,    ABC,  "R[A] = &R[B][R[C]] (the value slot, inserted if absent; for m[k] op= v)") \
	OP(MLEN,     AB,   "R[A].i = len(R[B]) (map)")                               \
	OP(UNBOX,    A,    "R[A] = value inside interface box R[A] (boxed map keys)") \
	OP(CLEAR,    A,    "clear(R[A]): X 0 map, 1 slice")                          \
	OP(MITER,    AB,   "R[A] = new iterator over map R[B]")                      \
	OP(MNEXT,    ABC,  "R[A+1], R[A+2] = next of iterator R[A]; if done pc += (int16)C") \
	/* interfaces */                                                            \
	OP(BOX,      ABX,  "R[A] = box(R[A], type K[BX]) in place")                   \
	OP(ASSERT,   ABC,  "R[A] = R[B].(K[C]) (X bit0: comma-ok into R[A+1]; bit1: K[C] is an interface)") \
	OP(ISNIL,    AB,   "R[A] = R[B] == nil")                                     \
	OP(IFACEEQ,  ABC,  "R[A] = interface R[B] == R[C] (panics if not comparable)") \
	OP(DYNTYPE,  AB,   "R[A].p = dynamic type of interface R[B] (NULL for nil)") \
	/* functions */                                                             \
	OP(CLOSURE,  ABX,  "R[A] = closure of proto P[BX]; captures in next words")  \
	OP(GETUP,    AB,   "R[A] = *cells[B] (X: a struct or array's block)")       \
	OP(SETUP,    AB,   "*cells[B] = R[A]")                                       \
	OP(UPCELL,   AB,   "R[A].p = cells[B] (the cell itself)")                    \
	OP(CALL,     ABC,  "R[A..A+C) = R[A](R[A+1..A+1+B))")                        \
	OP(CALLK,    ABC,  "R[A] = K[next SBX]; then as CALL (a known function)")    \
	OP(CALLM,    ABC,  "interface method call: R[A+1] receiver, method K[next]")  \
	OP(BIND,     ABC,  "R[A] = method value: closure K[C] bound to R[B]")        \
	OP(RET,      AB,   "return R[A..A+B)")                                       \
	OP(DEFER,    AB,   "defer R[A](R[A+1..A+1+B))")                              \
	OP(RUNDEFERS, A,   "run this frame's pending deferred calls now")            \
	OP(UNWIND,   A,    "go on unwinding a panic (never in code: see run_slice)")   \
	OP(PANIC,    A,    "panic(R[A]) (an interface)")                             \
	OP(RECOVER,  A,    "R[A] = recover()")                                       \
	OP(PRINT,    ABC,  "print builtin: R[A] value of type K[B]; C bit0 space, bit1 newline") \
	OP(RTERR,    ABX,  "runtime panic with message K[BX]")                       \
	/* goroutines and channels */                                               \
	OP(GO,       AB,   "go R[A](R[A+1..A+1+B))")                                 \
	OP(MKCHAN,   ABC,  "R[A] = make(chan T, R[B]) (X: no size), type K[C]")      \
	OP(SEND,     AB,   "R[A] <- R[B]")                                           \
	OP(RECV,     AB,   "R[A] = <-R[B] (X: R[A+1] = ok)")                         \
	OP(CLOSE,    A,    "close(R[A])")                                            \
	OP(CHLEN,    AB,   "R[A].i = len(R[B]) (X: cap) of a channel")               \
	OP(SELECT,   ABC,  "R[A] = chosen case of B cases described by next B words; X: has default") \
	OP(EXT,      ASBX, "extra operand word of the previous instruction")

typedef enum Opcode {
#define OP(name, shape, doc) BC_##name,
	GOL_OPCODES(OP)
#undef OP
	BC__COUNT
} Opcode;

typedef enum OpShape { SHAPE_A, SHAPE_AB, SHAPE_ABC, SHAPE_ASBX, SHAPE_SBX, SHAPE_ABX } OpShape;

typedef struct Instr {
	uint8_t op;
	uint8_t x;
	uint16_t a;
	union {
		struct {
			uint16_t b, c;
		};
		int32_t sbx;
		uint32_t bx;
	};
} Instr;

extern const char *const opcode_names[BC__COUNT];
extern const OpShape opcode_shapes[BC__COUNT];

#endif
