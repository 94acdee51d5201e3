using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Xunit;
using Xunit.Abstractions;

namespace NanoRemap.DeviceTests.HostRun
{
    /// <summary>
    /// The nano build of ../Core (what NFUnitTest compiles besides its TestFramework classes) must fit the
    /// nanoFramework PE format: the MetadataProcessor addresses method bytecode with a 16-bit offset
    /// (<c>CLR_RECORD_METHODDEF::rva</c> is a <c>CLR_OFFSET</c>, uint16, in nf-interpreter's nanoCLR_Types.h),
    /// so one assembly holds at most 64 KB of IL. The generated vectors grow with tests/vectors; this
    /// fails while there is still room for the test classes, so the cases can be split in time.
    /// </summary>
    public sealed class NanoBudgetTests
    {
        // ECMA IL bytes (4-byte tokens; the .pe has 2-byte ones, so the real bytecode is smaller).
        private const int IlBudget = 48 * 1024;

        private readonly ITestOutputHelper _output;

        public NanoBudgetTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Core_assembly_IL_stays_under_the_nanoFramework_64KB_bytecode_limit_with_room_to_spare()
        {
            string path = Path.Combine(System.AppContext.BaseDirectory, "nano", "NanoRemap.DeviceTests.Core.dll");
            Assert.True(File.Exists(path), "the nano build of tests/NanoRemap.DeviceTests/Core is not beside the tests: " + path);
            using FileStream fs = File.OpenRead(path);
            using var pe = new PEReader(fs);
            MetadataReader md = pe.GetMetadataReader();

            // The nano build really is a nano build: mscorlib 1.17.11 is its only framework reference.
            string[] refs = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name) + " " + md.GetAssemblyReference(h).Version).ToArray();
            Assert.Contains("mscorlib 1.17.11.0", refs);

            int il = 0;
            int largest = 0;
            string largestName = string.Empty;
            foreach (MethodDefinitionHandle h in md.MethodDefinitions)
            {
                MethodDefinition m = md.GetMethodDefinition(h);
                if (m.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                int size = pe.GetMethodBody(m.RelativeVirtualAddress).Size;
                il += size;
                if (size > largest)
                {
                    largest = size;
                    largestName = md.GetString(md.GetTypeDefinition(m.GetDeclaringType()).Name) + "." + md.GetString(m.Name);
                }
            }

            int userStrings = md.GetHeapSize(HeapIndex.UserString);
            _output.WriteLine($"IL {il} bytes (budget {IlBudget}), largest method {largestName} {largest} bytes, user strings {userStrings} bytes; refs: {string.Join(", ", refs)}");
            Assert.True(il < IlBudget, $"NanoRemap.DeviceTests.Core has {il} bytes of IL, over the {IlBudget}-byte budget under the nanoFramework 64 KB limit: split tests/vectors cases across test assemblies");
            Assert.True(userStrings < 32 * 1024, $"{userStrings} bytes of user strings: the nano string table is 16-bit indexed");
        }

        // The constant byte arrays (the packed vector cases of VectorCases.g.cs) are field RVA data in the ECMA
        // file; the MetadataProcessor copies each one into the .pe signature table (the field's default value),
        // which is addressed with 16-bit offsets (CLR_SIG) like the bytecode. Kept under half of it.
        [Fact]
        public void Core_assembly_constant_array_data_stays_well_under_the_16_bit_signature_table()
        {
            string path = Path.Combine(System.AppContext.BaseDirectory, "nano", "NanoRemap.DeviceTests.Core.dll");
            using FileStream fs = File.OpenRead(path);
            using var pe = new PEReader(fs);
            MetadataReader md = pe.GetMetadataReader();
            int data = 0;
            int arrays = 0;
            foreach (FieldDefinitionHandle h in md.FieldDefinitions)
            {
                FieldDefinition f = md.GetFieldDefinition(h);
                if (f.GetRelativeVirtualAddress() == 0)
                {
                    continue;
                }

                // <PrivateImplementationDetails>: a __StaticArrayInitTypeSize=N struct (its class layout size) or,
                // for 1/2/4/8 bytes, a primitive.
                BlobReader sig = md.GetBlobReader(f.Signature);
                sig.ReadSignatureHeader();
                SignatureTypeCode code = sig.ReadSignatureTypeCode();
                int size = code switch
                {
                    SignatureTypeCode.TypeHandle => md.GetTypeDefinition((TypeDefinitionHandle)sig.ReadTypeHandle()).GetLayout().Size,
                    SignatureTypeCode.Byte or SignatureTypeCode.SByte or SignatureTypeCode.Boolean => 1,
                    SignatureTypeCode.Int16 or SignatureTypeCode.UInt16 or SignatureTypeCode.Char => 2,
                    SignatureTypeCode.Int32 or SignatureTypeCode.UInt32 or SignatureTypeCode.Single => 4,
                    _ => 8,
                };
                data += size;
                arrays++;
            }

            _output.WriteLine($"constant array data {data} bytes in {arrays} arrays");
            Assert.True(arrays >= VectorCases.Files.Length, $"only {arrays} constant arrays: the vector cases are not packed data");
            Assert.True(data < 32 * 1024, $"NanoRemap.DeviceTests.Core has {data} bytes of constant array data: the .pe signature table that holds it is 16-bit indexed");
        }
    }
}
