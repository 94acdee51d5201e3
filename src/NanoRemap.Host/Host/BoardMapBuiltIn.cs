namespace NanoRemap.Boards
{
    // Host build only: the board tables (src/NanoRemap.Boards) are compiled into NanoRemap.Host, so BoardMap.Get
    // finds every chip without a registration step. On the device the tables are a separate assembly
    // (NanoRemap.Boards) and BoardTables.Get registers them.
    public sealed partial class BoardMap
    {
        static partial void BuiltIn(string chip, ref BoardMap map)
        {
            string[] names = Names();
            if (System.Array.IndexOf(names, chip) >= 0)
            {
                map = BoardTables.Create(chip);
            }
        }
    }
}
