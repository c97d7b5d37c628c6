"""Who is quoted and who pays, in the English texts."""

FIRST_NAMES = """Ana Marko Jelena Aida Besa Dritan Elira Nikola Milica Goran Ajla Emir Sanja
Aleksandar Vesna Igor Olena Andriy Iryna Natalia Dmitri Aigerim Nurlan Gulnara Timur Dilnoza
Rustam Zarina Farrukh Aziza Bakyt Ainura Giorgi Nino Armen Lusine Leyla Rashad Ion Maria
Elena Stefan Katarzyna Tomasz Eva Jan Sophie Thomas Anna Lukas Claire Pierre Laura Matteo
Giulia Carlos Lucía Ingrid Lars Kaisa Mikko Sarah James Emily Michael Helena Petra""".split()
SURNAMES = """Petrović Hoxha Kovačević Begić Nikolovski Ivanova Shevchenko Kuznetsova
Nurmagambetov Tokayeva Rakhimov Saidova Abdullaev Mamatova Beridze Grigoryan Aliyev
Rusu Popescu Nowak Kowalska Novák Horvath Müller Schmidt Dubois Martin Rossi Bianchi García
López Andersen Johansson Virtanen Korhonen Smith Brown Wilson O'Brien Jansen de Vries
Papadopoulos Kaya Demir Marić Lekić Osmani Berisha Toskić Dimitrov""".split()
DONORS = """Austria, Canada, Finland, France, Germany, Italy, Japan, Liechtenstein, Luxembourg,
Norway, Poland, Sweden, Switzerland, the Netherlands, the United Kingdom, the United States,
the European Union""".replace("\n", " ").split(", ")
