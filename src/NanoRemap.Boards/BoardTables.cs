using System;

namespace NanoRemap.Boards
{
    /// <summary>
    /// The generated board tables of the seven chips (<c>*Board.g.cs</c>, from boards/&lt;chip&gt;/board.map and
    /// registers.txt). <see cref="Get"/> builds a chip's <see cref="BoardMap"/> once and registers it, so that
    /// <see cref="BoardMap.Get"/> finds it afterwards. On the device reference this assembly and call
    /// <c>BoardTables.Get("esp32")</c> (or the chip's property) once at start-up.
    /// </summary>
    public static class BoardTables
    {
        private static readonly object Sync = new object();

        /// <summary>The classic ESP32 map.</summary>
        public static BoardMap Esp32
        {
            get { return Get("esp32"); }
        }

        /// <summary>The ESP32-S2 map.</summary>
        public static BoardMap Esp32S2
        {
            get { return Get("esp32s2"); }
        }

        /// <summary>The ESP32-S3 map.</summary>
        public static BoardMap Esp32S3
        {
            get { return Get("esp32s3"); }
        }

        /// <summary>The ESP32-C3 map.</summary>
        public static BoardMap Esp32C3
        {
            get { return Get("esp32c3"); }
        }

        /// <summary>The ESP32-C5 map.</summary>
        public static BoardMap Esp32C5
        {
            get { return Get("esp32c5"); }
        }

        /// <summary>The ESP32-C6 map.</summary>
        public static BoardMap Esp32C6
        {
            get { return Get("esp32c6"); }
        }

        /// <summary>The ESP32-H2 map.</summary>
        public static BoardMap Esp32H2
        {
            get { return Get("esp32h2"); }
        }

        /// <summary>The map of a chip: built from its table on first use and registered with <see cref="BoardMap.Register"/>.</summary>
        /// <param name="chip">One of <see cref="BoardMap.Names"/>, in any form <see cref="BoardMap.ChipName"/> accepts (<c>ESP32-C3</c>).</param>
        /// <returns>The map (the same object on every call).</returns>
        /// <exception cref="ArgumentException">No table for that chip (the message names the closest).</exception>
        public static BoardMap Get(string chip)
        {
            chip = Canonical(chip);
            BoardMap map = BoardMap.Registered(chip);
            if (map == null)
            {
                lock (Sync)
                {
                    map = BoardMap.Registered(chip);
                    if (map == null)
                    {
                        map = Create(chip);
                        BoardMap.Register(map);
                    }
                }
            }

            return map;
        }

        /// <summary>Builds a new map of a chip from its table (not registered).</summary>
        /// <param name="chip">One of <see cref="BoardMap.Names"/>, in any form <see cref="BoardMap.ChipName"/> accepts (<c>ESP32-C3</c>).</param>
        /// <returns>A new map.</returns>
        /// <exception cref="ArgumentException">No table for that chip (the message names the closest).</exception>
        public static BoardMap Create(string chip)
        {
            switch (Canonical(chip))
            {
                case "esp32":
                    return Esp32Board.Create();
                case "esp32s2":
                    return Esp32S2Board.Create();
                case "esp32s3":
                    return Esp32S3Board.Create();
                case "esp32c3":
                    return Esp32C3Board.Create();
                case "esp32c5":
                    return Esp32C5Board.Create();
                case "esp32c6":
                    return Esp32C6Board.Create();
                case "esp32h2":
                    return Esp32H2Board.Create();
                default:
                    throw new ArgumentException("no board map for '" + chip + "': use esp32, esp32s2, esp32s3, esp32c3, esp32c5, esp32c6 or esp32h2");
            }
        }

        // The canonical name, or the BoardMap.Get error (which names the closest chips) for an unknown one.
        private static string Canonical(string chip)
        {
            string name = BoardMap.ChipName(chip);
            if (name == null)
            {
                BoardMap.Get(chip); // throws ArgumentException naming the closest chips
            }

            return name;
        }
    }
}
