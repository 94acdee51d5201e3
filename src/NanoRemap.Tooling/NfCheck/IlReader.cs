using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace NanoRemap.Tooling.NfCheck;

/// <summary>One decoded IL instruction: its offset, opcode and raw operand.</summary>
/// <param name="Offset">Byte offset of the opcode in the method body.</param>
/// <param name="OpCode">The opcode (from <see cref="OpCodes"/>).</param>
/// <param name="Operand">The operand as a 64-bit integer (tokens, branch targets, constants); 0 when none.</param>
/// <param name="SwitchTargets">How many targets a <c>switch</c> has; 0 for other opcodes.</param>
public readonly record struct IlInstruction(int Offset, OpCode OpCode, long Operand, int SwitchTargets)
{
    /// <summary>The absolute target offsets of a <c>switch</c>; empty for other opcodes.</summary>
    public int[] SwitchTargetOffsets { get; init; } = Array.Empty<int>();

    /// <summary>The operand as a metadata token (valid for InlineMethod/Field/Type/Tok/String/Sig operands).</summary>
    public int Token => (int)Operand;

    /// <summary>True when the operand is a metadata token (not a string or signature).</summary>
    public bool HasMemberToken => OpCode.OperandType is OperandType.InlineMethod or OperandType.InlineField
        or OperandType.InlineType or OperandType.InlineTok;
}

/// <summary>
/// Decodes ECMA-335 III IL byte code into <see cref="IlInstruction"/>s. The opcode table is taken from
/// <see cref="OpCodes"/> so operand sizes follow the runtime's own definition.
/// </summary>
public static class IlReader
{
    private static readonly OpCode[] OneByte = new OpCode[0x100];
    private static readonly OpCode[] TwoByte = new OpCode[0x100];
    private static readonly bool[] OneByteKnown = new bool[0x100];
    private static readonly bool[] TwoByteKnown = new bool[0x100];

    static IlReader()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode op)
            {
                continue;
            }

            ushort value = (ushort)op.Value;
            if (op.Size == 1)
            {
                OneByte[value] = op;
                OneByteKnown[value] = true;
            }
            else if ((value >> 8) == 0xFE)
            {
                TwoByte[value & 0xFF] = op;
                TwoByteKnown[value & 0xFF] = true;
            }
        }
    }

    /// <summary>Decodes every instruction of <paramref name="body"/>.</summary>
    public static List<IlInstruction> Read(MethodBodyBlock body)
    {
        var il = body.GetILReader();
        var list = new List<IlInstruction>();
        while (il.RemainingBytes > 0)
        {
            int offset = il.Offset;
            byte b = il.ReadByte();
            OpCode op;
            if (b == 0xFE)
            {
                byte b2 = il.ReadByte();
                if (!TwoByteKnown[b2])
                {
                    throw new BadImageFormatException($"unknown IL opcode 0xFE{b2:X2} at IL_{offset:X4}");
                }
                op = TwoByte[b2];
            }
            else
            {
                if (!OneByteKnown[b])
                {
                    throw new BadImageFormatException($"unknown IL opcode 0x{b:X2} at IL_{offset:X4}");
                }
                op = OneByte[b];
            }

            long operand = 0;
            int targets = 0;
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                    operand = il.ReadSByte();
                    operand += il.Offset;
                    break;
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    operand = op == OpCodes.Ldc_I4_S ? il.ReadSByte() : il.ReadByte();
                    break;
                case OperandType.InlineVar:
                    operand = il.ReadUInt16();
                    break;
                case OperandType.InlineBrTarget:
                    operand = il.ReadInt32();
                    operand += il.Offset;
                    break;
                case OperandType.InlineI:
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineSig:
                case OperandType.InlineString:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    operand = il.ReadInt32();
                    break;
                case OperandType.ShortInlineR:
                    operand = BitConverter.SingleToInt32Bits(il.ReadSingle());
                    break;
                case OperandType.InlineI8:
                    operand = il.ReadInt64();
                    break;
                case OperandType.InlineR:
                    operand = BitConverter.DoubleToInt64Bits(il.ReadDouble());
                    break;
                case OperandType.InlineSwitch:
                    targets = il.ReadInt32();
                    var deltas = new int[targets];
                    for (int i = 0; i < targets; i++)
                    {
                        deltas[i] = il.ReadInt32();
                    }
                    int next = il.Offset;
                    list.Add(new IlInstruction(offset, op, 0, targets) { SwitchTargetOffsets = deltas.Select(d => next + d).ToArray() });
                    continue;
                default:
                    throw new BadImageFormatException($"unsupported operand type {op.OperandType} at IL_{offset:X4}");
            }

            list.Add(new IlInstruction(offset, op, operand, targets));
        }

        return list;
    }
}
