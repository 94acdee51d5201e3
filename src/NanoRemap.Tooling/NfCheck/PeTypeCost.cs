using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace NanoRemap.Tooling.NfCheck;

/// <summary>
/// An estimate of what the type and member records of an assembly cost in the MetadataProcessor's .pe, from the
/// record sizes of nanoframework/metadata-processor (MetadataProcessor.Shared/Tables: CLR_RECORD_TYPEDEF 27 bytes,
/// CLR_RECORD_FIELDDEF 8, CLR_RECORD_METHODDEF 16) and its string table (UTF-8 + NUL, each distinct string once).
/// Const fields are not counted: the MetadataProcessor drops them (nanoTypeDefinitionTable filters HasConstant).
/// Byte code, signatures and the assembly header are not counted: for an assembly of constants, the types are the cost.
/// </summary>
/// <param name="TypeDefinitions">TypeDef rows (without &lt;Module&gt;).</param>
/// <param name="Fields">Non-const FieldDef rows.</param>
/// <param name="Methods">MethodDef rows.</param>
/// <param name="ConstFields">Const fields (dropped from the .pe).</param>
/// <param name="NameBytes">Bytes of the distinct type, namespace, field and method names (UTF-8 + NUL).</param>
public sealed record PeTypeCost(int TypeDefinitions, int Fields, int Methods, int ConstFields, int NameBytes)
{
    /// <summary>MetadataProcessor: sizeOf_CLR_RECORD_TYPEDEF.</summary>
    public const int TypeDefRecordBytes = 27;

    /// <summary>MetadataProcessor: sizeOf_CLR_RECORD_FIELDDEF.</summary>
    public const int FieldDefRecordBytes = 8;

    /// <summary>MetadataProcessor: sizeOf_CLR_RECORD_METHODDEF.</summary>
    public const int MethodDefRecordBytes = 16;

    /// <summary>Records plus names, in bytes.</summary>
    public int EstimatedBytes => TypeDefinitions * TypeDefRecordBytes + Fields * FieldDefRecordBytes + Methods * MethodDefRecordBytes + NameBytes;

    /// <summary>Measures a built assembly.</summary>
    /// <param name="assemblyPath">The assembly.</param>
    /// <returns>The counts.</returns>
    public static PeTypeCost Measure(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal) { string.Empty };
        int types = 0, fields = 0, methods = 0, consts = 0;
        foreach (TypeDefinitionHandle h in md.TypeDefinitions)
        {
            TypeDefinition t = md.GetTypeDefinition(h);
            string name = md.GetString(t.Name);
            if (name == "<Module>")
            {
                continue;
            }

            types++;
            names.Add(name);
            names.Add(md.GetString(t.Namespace));
            foreach (FieldDefinitionHandle f in t.GetFields())
            {
                FieldDefinition fd = md.GetFieldDefinition(f);
                if ((fd.Attributes & FieldAttributes.Literal) != 0)
                {
                    consts++;
                    continue;
                }

                fields++;
                names.Add(md.GetString(fd.Name));
            }

            foreach (MethodDefinitionHandle m in t.GetMethods())
            {
                methods++;
                names.Add(md.GetString(md.GetMethodDefinition(m).Name));
            }
        }

        int bytes = names.Sum(s => Encoding.UTF8.GetByteCount(s) + 1);
        return new PeTypeCost(types, fields, methods, consts, bytes);
    }
}
