package org.kesra.console.household.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registration form as typed, kept as typed when the API refuses it. Field names follow the API's JSON, so a
 * problem's pointer ({@code /members/1/nik}) names the field its message belongs beside ({@code members[1].nik}).
 */
public class RegisterForm {

    /** Member rows on the form; empty rows are not sent. */
    static final int MEMBER_ROWS = 4;

    private String kkNumber;
    private String kelurahanCode;
    private String rw;
    private String rt;
    private String address;
    private String houseOwnership;
    private String incomeBand;
    private List<MemberForm> members = new ArrayList<>();

    public RegisterForm() {
        fillRows();
    }

    void fillRows() {
        while (members.size() < MEMBER_ROWS) {
            members.add(new MemberForm());
        }
    }

    /**
     * The API's request body, and for each member sent the form row it came from: the API's {@code /members/0} is
     * the first non-empty row.
     */
    Map<String, Object> body(List<Integer> rowOfSent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kkNumber", trim(kkNumber));
        body.put("kelurahanCode", trim(kelurahanCode));
        body.put("rw", trim(rw));
        body.put("rt", trim(rt));
        body.put("address", trim(address));
        body.put("houseOwnership", trim(houseOwnership));
        body.put("incomeBand", trim(incomeBand));
        body.put("assets", List.of());
        List<Map<String, Object>> sent = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            MemberForm m = members.get(i);
            if (!m.isEmpty()) {
                sent.add(m.body());
                rowOfSent.add(i);
            }
        }
        body.put("members", sent);
        return body;
    }

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getKkNumber() { return kkNumber; }
    public void setKkNumber(String kkNumber) { this.kkNumber = kkNumber; }
    public String getKelurahanCode() { return kelurahanCode; }
    public void setKelurahanCode(String kelurahanCode) { this.kelurahanCode = kelurahanCode; }
    public String getRw() { return rw; }
    public void setRw(String rw) { this.rw = rw; }
    public String getRt() { return rt; }
    public void setRt(String rt) { this.rt = rt; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getHouseOwnership() { return houseOwnership; }
    public void setHouseOwnership(String houseOwnership) { this.houseOwnership = houseOwnership; }
    public String getIncomeBand() { return incomeBand; }
    public void setIncomeBand(String incomeBand) { this.incomeBand = incomeBand; }
    public List<MemberForm> getMembers() { return members; }
    public void setMembers(List<MemberForm> members) { this.members = members; }

    /** One member row. */
    public static class MemberForm {
        private String nik;
        private String name;
        private String birthPlace;
        private String birthDate;
        private String sex;
        private String relationship;
        private String maritalStatus;
        private String education;
        private String occupation;

        boolean isEmpty() {
            return trim(nik) == null && trim(name) == null && trim(birthDate) == null && trim(birthPlace) == null
                    && trim(occupation) == null;
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("nik", trim(nik));
            body.put("name", trim(name));
            body.put("birthPlace", trim(birthPlace));
            body.put("birthDate", trim(birthDate));
            body.put("sex", trim(sex));
            body.put("relationship", trim(relationship));
            body.put("maritalStatus", trim(maritalStatus));
            body.put("education", trim(education));
            body.put("occupation", trim(occupation));
            return body;
        }

        public String getNik() { return nik; }
        public void setNik(String nik) { this.nik = nik; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getBirthPlace() { return birthPlace; }
        public void setBirthPlace(String birthPlace) { this.birthPlace = birthPlace; }
        public String getBirthDate() { return birthDate; }
        public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
        public String getSex() { return sex; }
        public void setSex(String sex) { this.sex = sex; }
        public String getRelationship() { return relationship; }
        public void setRelationship(String relationship) { this.relationship = relationship; }
        public String getMaritalStatus() { return maritalStatus; }
        public void setMaritalStatus(String maritalStatus) { this.maritalStatus = maritalStatus; }
        public String getEducation() { return education; }
        public void setEducation(String education) { this.education = education; }
        public String getOccupation() { return occupation; }
        public void setOccupation(String occupation) { this.occupation = occupation; }
    }
}
