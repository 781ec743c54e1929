// Reads every .docx given on the command line front to back with Java's streaming
// ZipInputStream, as Java tools that open a document from a stream do (Apache POI's
// stream path, docx4j). It refuses entries the central directory alone would hide,
// such as a Stored entry with a data descriptor. Exits 1 on the first file it cannot read.
// Run: java .ci/ZipStream.java FILE.docx... (needs a JDK: the source launcher compiles it)
import java.io.FileInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

public class ZipStream {
    public static void main(String[] args) throws Exception {
        byte[] buffer = new byte[1 << 16];
        for (String path : args) {
            int entries = 0;
            try (ZipInputStream zip = new ZipInputStream(new FileInputStream(path))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; entries++) {
                    while (zip.read(buffer) > 0) {}
                }
            } catch (Exception e) {
                System.out.println(path + ": a streaming ZIP reader fails: " + e);
                System.exit(1);
            }
            if (entries == 0) {
                System.out.println(path + ": no entries");
                System.exit(1);
            }
        }
        System.out.println("ZipStream: " + args.length + " files read front to back");
    }
}
